using System.Text.RegularExpressions;

namespace MsDrm.Testing.Cases;

/// <summary>
/// Messages name the lines of their additional locations ("still open at the return on line 27"),
/// and a fix that inserts code moves those lines. Fix tests compare diagnostics before and after a
/// fix by message with the line numbers taken out, so a moved line is not a new diagnostic.
/// </summary>
public static partial class MessageLines
{
    /// <summary><paramref name="message"/> with each "line N" / "lines N, M and K" replaced by "line #".</summary>
    public static string WithoutLines(string message) => LineNumbers().Replace(message, "line #");

    [GeneratedRegex(@"\blines? \d+(?:(?:, | and )\d+)*")]
    private static partial Regex LineNumbers();
}
