using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MsDrm.Testing;
using MsDrm.Testing.Cases;
using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM003to006;

/// <summary>Runs every analyzer of the package on one case source (guard off, so a crash fails) and reads back one rule's diagnostics.</summary>
internal static class LifetimeRuleRun
{
    private const string GuardOff = "root = true\n[*]\nmsdrm.internal.rethrow_exceptions = true\n";

    /// <summary>The diagnostics of <paramref name="id"/> on <paramref name="source"/>, in source order; fails on any analyzer exception.</summary>
    internal static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source, string id)
        => (await AllDiagnosticsAsync("/Case.cs", source)).Where(d => d.Id == id).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();

    /// <summary>Every analyzer diagnostic on one file at <paramref name="path"/>; fails on any analyzer exception.</summary>
    internal static async Task<ImmutableArray<Diagnostic>> AllDiagnosticsAsync(string path, string source, bool allowUnsafe = false)
    {
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([(path, source)], allowUnsafe: allowUnsafe), ValidCodeTests.AllAnalyzers(), GuardOff);
        Assert.Empty(run.Exceptions.Select(e => e.ToString()));
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "AD0001");
        return run.AnalyzerDiagnostics;
    }

    /// <summary>The case's one diagnostic of <paramref name="id"/> has exactly the marked additional locations, #1 first.</summary>
    internal static async Task AssertAdditionalLocationsAsync(RuleCase rule, string id)
    {
        MarkedSource wrong = CaseMarkup.Parse(rule.Wrong);
        ImmutableArray<Diagnostic> reported = await DiagnosticsAsync(wrong.Source, id);
        Assert.Equal(wrong.Diagnostics.Count(d => d.Label == id), reported.Length);
        if (reported.Length == 1)
        {
            Assert.Equal(
                wrong.AdditionalLocations.Select(a => $"{a.Span} '{wrong.TextOf(a)}'"),
                reported[0].AdditionalLocations.Select(l => $"{l.SourceSpan} '{wrong.Source.Substring(l.SourceSpan.Start, l.SourceSpan.Length)}'"));
        }
    }

    /// <summary>Case names of a list, as theory data.</summary>
    internal static TheoryData<string> Names(IEnumerable<RuleCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (RuleCase rule in cases)
        {
            data.Add(rule.Name);
        }

        return data;
    }
}
