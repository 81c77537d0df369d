using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Testing;
using MsDrm.Testing.Cases;
using Xunit;
using Verify = MsDrm.Testing.CSharpAnalyzerVerifier<MsDrm.Analyzers.Rules.MSDRM001HandleNotClosedAnalyzer>;

namespace MsDrm.Analyzers.Tests.MSDRM003to006;

/// <summary>
/// The MSDRM003–MSDRM006 cases are sound data before their analyzers exist: enough cases per rule, markup
/// that reads back, sources that compile, and the analyzers already in the package (MSDRM001/MSDRM002, and
/// each new rule as it lands, found by reflection) report exactly what the markup says: nothing on a
/// Correct, and on a Wrong every marked diagnostic whose rule is implemented and nothing else.
/// </summary>
public class LifetimeRuleCaseTests
{
    public static TheoryData<string, string> Keys() => LifetimeRuleCases.Keys();

    public static TheoryData<string> Ids() => LifetimeRuleCases.Ids();

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_has_at_least_twenty_wrong_cases_with_its_diagnostic_and_unique_names(string id)
    {
        IReadOnlyList<RuleCase> cases = LifetimeRuleCases.ById[id];
        int marked = cases.Count(c => CaseMarkup.Parse(c.Wrong).Diagnostics.Any(d => d.Label == id));
        Assert.True(marked >= 20, $"{id}: only {marked} wrong cases carry {id}");
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Markup_reads_back_and_the_correct_twin_differs(string id, string name)
    {
        RuleCase rule = LifetimeRuleCases.Get(id, name);
        MarkedSource wrong = CaseMarkup.Parse(rule.Wrong);
        MarkedSource correct = CaseMarkup.Parse(rule.Correct);

        Assert.NotEmpty(wrong.Diagnostics);
        Assert.Empty(correct.Diagnostics);
        Assert.Empty(correct.AdditionalLocations);
        Assert.Equal(correct.Source, rule.Correct);
        Assert.NotEqual(wrong.Source, correct.Source);
        Assert.All(wrong.Diagnostics, d => Assert.Contains(d.Label, new[] { id, "MSDRM001" }));

        // Additional locations are numbered #1..#n and belong to the case's one diagnostic of this rule.
        Assert.Equal(
            Enumerable.Range(1, wrong.AdditionalLocations.Count).Select(n => "#" + n),
            wrong.AdditionalLocations.Select(a => a.Label));
        if (wrong.AdditionalLocations.Count > 0)
        {
            Assert.Single(wrong.Diagnostics, d => d.Label == id);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Additional_locations_are_where_DESIGN_puts_them(string id)
    {
        foreach (RuleCase rule in LifetimeRuleCases.ById[id])
        {
            MarkedSource wrong = CaseMarkup.Parse(rule.Wrong);
            bool hasRuleDiagnostic = wrong.Diagnostics.Any(d => d.Label == id);
            foreach (string text in wrong.AdditionalLocations.Select(wrong.TextOf))
            {
                switch (id)
                {
                    case "MSDRM003":
                        // The first close: a close call, a closing helper, a wrapper's Dispose, or the adopting call.
                        Assert.Matches(@"^(Native\.DRMClose\w+|EndSession|\w+\.Dispose|SafeDrm\w+\.Adopt)\(", text);
                        break;
                    case "MSDRM005":
                        // The child's creation: a creating call with an out argument.
                        Assert.Matches(@"^Native\.DRM\w+\(.*\bout\b", text);
                        break;
                    case "MSDRM006":
                        // The failure test, or the negative constant's assignment.
                        Assert.Matches(@"(hr\b.*(<|!=|is)|hr = |Failed|SUCCEEDED|Succeeded|^E_)", text);
                        break;
                    default:
                        Assert.Fail($"{id} names no additional location ({rule.Name})");
                        break;
                }
            }

            if (hasRuleDiagnostic && id != "MSDRM004")
            {
                Assert.True(wrong.AdditionalLocations.Count > 0, $"{rule.Name}: {id} needs its additional location marked");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Wrong_and_correct_compile_without_errors(string id, string name)
    {
        RuleCase rule = LifetimeRuleCases.Get(id, name);
        foreach ((string label, string source) in new[] { ("Wrong", CaseMarkup.Parse(rule.Wrong).Source), ("Correct", rule.Correct) })
        {
            Compilation compilation = CompilationAnalyzerRunner.Compile([("/" + label + ".cs", source)]);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => label + ": " + d));
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Implemented_rules_are_silent_on_the_correct_code(string id, string name)
    {
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/Correct.cs", LifetimeRuleCases.Get(id, name).Correct)]),
            ValidCodeTests.AllAnalyzers());

        Assert.Empty(run.Exceptions.Select(e => e.ToString()));
        Assert.Empty(run.AnalyzerDiagnostics.Where(IsOurs).Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Implemented_rules_report_exactly_the_marked_diagnostics_on_the_wrong_code(string id, string name)
    {
        MarkedSource wrong = CaseMarkup.Parse(LifetimeRuleCases.Get(id, name).Wrong);
        ImmutableArray<DiagnosticAnalyzer> analyzers = ValidCodeTests.AllAnalyzers();
        var implemented = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/Wrong.cs", wrong.Source)]), analyzers);

        Assert.Empty(run.Exceptions.Select(e => e.ToString()));
        IEnumerable<string> expected = wrong.Diagnostics
            .Where(d => implemented.Contains(d.Label))
            .Select(d => $"{d.Label} {d.Span} '{wrong.TextOf(d)}'")
            .Order(StringComparer.Ordinal);
        IEnumerable<string> reported = run.AnalyzerDiagnostics.Where(IsOurs)
            .Where(d => d.Location.SourceTree?.FilePath == "/Wrong.cs")
            .Select(d => $"{d.Id} {d.Location.SourceSpan} '{wrong.Source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}'")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, reported);
    }

    [Fact]
    public Task Numbered_location_markup_beside_a_diagnostic_does_not_disturb_the_verifier()
        // The cases' {|#1:...|} markers can go to the standard verifier unchanged.
        => Verify.VerifyAnalyzerAsync(HandleNotClosedSource(
            "DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(s, out uint dup)|});\n{|#1:Native.DRMCloseHandle(dup)|};"));

    private static string HandleNotClosedSource(string body) => $$"""
        using System;
        using MsDrm;

        internal class C
        {
            void M(uint s)
            {
                {{body}}
            }
        }
        """;

    private static bool IsOurs(Diagnostic d) => d.Id.StartsWith("MSDRM", StringComparison.Ordinal) || d.Id == "AD0001";
}
