using Microsoft.CodeAnalysis;
using MsDrm.Testing;
using MsDrm.Testing.Cases;
using MsDrm.Testing.HresultStructs;
using Xunit;

namespace MsDrm.Analyzers.Tests.HresultStructs;

/// <summary>
/// Imports returning an HRESULT struct (CsWin32's generated bindings, TerraFX's shape, a hand-written
/// struct) with pointer out parameters: every analyzer of the package reports exactly the marked
/// diagnostics on each Wrong case and nothing on its Correct twin, and nothing inside the generated file.
/// </summary>
public class HresultStructCaseTests
{
    public static TheoryData<string> Names() => new(HresultStructCases.Cases.Select(c => c.Name));

    [Fact]
    public void There_are_at_least_thirty_cases_with_unique_names()
    {
        Assert.True(HresultStructCases.Cases.Count >= 30, $"only {HresultStructCases.Cases.Count} cases");
        Assert.Equal(HresultStructCases.Cases.Count, HresultStructCases.Cases.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Wrong_case_gets_exactly_its_marked_diagnostics(string name)
    {
        MarkedSource wrong = CaseMarkup.Parse(HresultStructCases.Get(name).Wrong);
        CompilationAnalyzerRunner.AnalysisRun run = await RunAsync(wrong.Source);

        IEnumerable<string> expected = wrong.Diagnostics
            .Select(d => $"{d.Label} {d.Span} '{wrong.TextOf(d)}'")
            .Order(StringComparer.Ordinal);
        IEnumerable<string> reported = run.AnalyzerDiagnostics
            .Where(d => d.Location.SourceTree?.FilePath == "/Case.cs")
            .Select(d => $"{d.Id} {d.Location.SourceSpan} '{wrong.Source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}'")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, reported);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Correct_twin_is_silent(string name)
    {
        CompilationAnalyzerRunner.AnalysisRun run = await RunAsync(HresultStructCases.Get(name).Correct);
        Assert.Empty(run.AnalyzerDiagnostics.Select(d => d.ToString()));
    }

    /// <summary>Compiles the case beside both binding files (no compile error allowed) and runs every analyzer.</summary>
    private static async Task<CompilationAnalyzerRunner.AnalysisRun> RunAsync(string source)
    {
        Compilation compilation = CompilationAnalyzerRunner.Compile(
            [("/Case.cs", source), ("/" + CsWin32Bindings.FileName, CsWin32Bindings.Source), ("/" + OtherHresultBindings.FileName, OtherHresultBindings.Source)],
            allowUnsafe: true);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(compilation, ValidCodeTests.AllAnalyzers());
        Assert.Empty(run.Exceptions.Select(e => e.ToString()));
        return run;
    }
}
