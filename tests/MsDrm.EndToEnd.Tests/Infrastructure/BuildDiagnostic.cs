using System.Text.RegularExpressions;

namespace MsDrm.EndToEnd.Tests.Infrastructure;

/// <summary>One compiler diagnostic as MSBuild prints it: <c>file(line,col): warning ID: message</c>.</summary>
public sealed partial record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id)
{
    /// <summary>Every distinct MSDRM diagnostic in a build's output (MSBuild repeats them in its summary).</summary>
    public static IReadOnlySet<BuildDiagnostic> ParseMsDrm(string output)
    {
        var found = new HashSet<BuildDiagnostic>();
        foreach (Match match in DiagnosticLine().Matches(output))
        {
            found.Add(new BuildDiagnostic(
                Path.GetFileName(match.Groups["file"].Value.Trim()),
                int.Parse(match.Groups["line"].Value),
                int.Parse(match.Groups["column"].Value),
                match.Groups["severity"].Value,
                match.Groups["id"].Value));
        }

        return found;
    }

    [GeneratedRegex(@"^(?<file>[^\r\n]+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>MSDRM\d{3}):", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
