using MsDrm.CodeFixes.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MsDrm.CodeFixes.Tests;

/// <summary>Prints the fixed text of a source in DEBUG_FIX_SOURCE (a file path); skipped otherwise.</summary>
public class DebugFixTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PrintFixedSource()
    {
        string? path = Environment.GetEnvironmentVariable("DEBUG_FIX_SOURCE");
        if (path is null)
        {
            return;
        }

        var result = await WorkspaceFixRunner.RunAsync(File.ReadAllText(path), equivalenceKey: Environment.GetEnvironmentVariable("DEBUG_FIX_KEY"));
        File.WriteAllText(path + ".out", result.FixedText + "\n/* remaining: " + string.Join("; ", result.RemainingDiagnostics) + "\n errors: " + string.Join("; ", result.FinalErrors) + " */\n");
        output.WriteLine(result.FixedText);
    }
}
