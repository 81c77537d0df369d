using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MsDrm.Testing;
using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM004;

/// <summary>Runs every analyzer of the package on one file (crashes surface: the guard is off).</summary>
internal static class MSDRM004Run
{
    internal const string RethrowConfig = "root = true\n[*]\nmsdrm.internal.rethrow_exceptions = true\n";

    internal static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source)
    {
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/Test.cs", source)]), ValidCodeTests.AllAnalyzers(), RethrowConfig);
        Assert.Empty(run.Exceptions.Select(e => e.ToString()));
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "AD0001");
        return run.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("MSDRM", StringComparison.Ordinal)).ToImmutableArray();
    }

    internal static string InMethod(string body) => $$"""
        using System;
        using System.Runtime.InteropServices;
        using MsDrm;

        internal class C
        {
            void M(uint s, uint lib, uint env, bool flag)
            {
                {{body}}
            }
        }
        """;
}
