using MsDrm.CodeFixes.Tests.Infrastructure;

namespace MsDrm.CodeFixes.Tests;

/// <summary>
/// A developer aid, silent in normal runs: with DEBUG_FIX_DIR set, writes the fixed text of every
/// *.cs file there (one output per equivalence key in DEBUG_FIX_KEYS) for review.
/// </summary>
public class DebugFixTests
{
    [Fact]
    public async Task PrintFixedSources()
    {
        string? directory = Environment.GetEnvironmentVariable("DEBUG_FIX_DIR");
        if (directory is null)
        {
            return;
        }

        string[] keys = (Environment.GetEnvironmentVariable("DEBUG_FIX_KEYS") ?? "default").Split(',');
        foreach (string path in Directory.GetFiles(directory, "*.cs"))
        {
            foreach (string key in keys)
            {
                var result = await WorkspaceFixRunner.RunAsync(File.ReadAllText(path), equivalenceKey: key == "default" ? null : key);
                File.WriteAllText(
                    path + "." + key + ".out",
                    result.FixedText + "\n/* fixed " + result.FixedCount + "; remaining: " + string.Join("; ", result.RemainingDiagnostics)
                    + "\n errors: " + string.Join("; ", result.FinalErrors) + " */\n");
            }
        }
    }
}
