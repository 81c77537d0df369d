using System.Reflection;

namespace MsDrm.Testing;

/// <summary>
/// The files of the ValidCode folder: realistic, correct DRM code (embedded in this assembly) on
/// which no MSDRM rule may report. Each compiles with <see cref="DrmDeclarations"/> beside it.
/// </summary>
public static class ValidCodeFiles
{
    private const string Prefix = "ValidCode/";

    /// <summary>Every file by name (e.g. <c>SessionDuplication.cs</c>), sorted.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = Load();

    /// <summary>The file names, for xunit theories.</summary>
    public static IEnumerable<string> Names => All.Keys;

    /// <summary>The text of one file.</summary>
    public static string Get(string name) => All[name];

    private static SortedDictionary<string, string> Load()
    {
        Assembly assembly = typeof(ValidCodeFiles).Assembly;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files.Add(resource.Substring(Prefix.Length), reader.ReadToEnd());
        }

        return files;
    }
}
