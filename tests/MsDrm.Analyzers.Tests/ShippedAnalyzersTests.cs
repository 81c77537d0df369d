using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.Rules;
using MsDrm.Testing;
using MsDrm.Testing.Cases;
using Xunit;

namespace MsDrm.Analyzers.Tests;

/// <summary>
/// The package ships MSDRM001 to MSDRM006 inside <see cref="DrmCallRulesAnalyzer"/> (one callback per
/// call for all six) while each rule's tests run the rule alone. These tests keep the two the same:
/// every rule is served exactly once, nothing ships twice, and the shipped analyzer reports exactly
/// what the rules report one by one on every shared case.
/// </summary>
public sealed class ShippedAnalyzersTests
{
    [Fact]
    public void Every_rule_on_drm_calls_is_served_once_by_the_shipped_analyzer()
    {
        Type[] ruleTypes = RuleTypes();
        Assert.Equal(6, ruleTypes.Length);
        Assert.Equal(ruleTypes, DrmCallRulesAnalyzer.Rules.Select(r => r.GetType()).OrderBy(t => t.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void No_rule_served_by_the_shipped_analyzer_is_exported_again()
    {
        // An exported rule class would run beside DrmCallRulesAnalyzer and report every diagnostic twice.
        Assert.All(DrmCallRulesAnalyzer.Rules, rule => Assert.Null(rule.GetType().GetCustomAttribute<DiagnosticAnalyzerAttribute>()));
        Assert.NotNull(typeof(DrmCallRulesAnalyzer).GetCustomAttribute<DiagnosticAnalyzerAttribute>());
    }

    [Fact]
    public void Shipped_analyzers_support_every_rule_id_once()
    {
        string[] ids = RuleDocumentationTests.DiagnosticIdConstants().Order(StringComparer.Ordinal).ToArray();
        string[] supported = ValidCodeTests.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ids, supported);
    }

    [Fact]
    public async Task Shipped_analyzer_reports_what_the_rules_report_alone_on_every_shared_case()
    {
        var shipped = ImmutableArray.Create<DiagnosticAnalyzer>(new DrmCallRulesAnalyzer());
        // Every rule class of the assembly as its own analyzer, found apart from the composite's list.
        ImmutableArray<DiagnosticAnalyzer> alone = RuleTypes().Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
        RuleCase[] cases = SharedCaseSets.EveryCase().ToArray();
        Assert.True(cases.Length >= 300, $"only {cases.Length} shared cases");
        int reported = 0;
        foreach (RuleCase ruleCase in cases)
        {
            Compilation compilation = CompilationAnalyzerRunner.Compile(new[] { ("/Case.cs", CaseMarkup.Parse(ruleCase.Wrong).Source) }, allowUnsafe: true);
            string[] expected = Describe(await CompilationAnalyzerRunner.RunAsync(compilation, alone));
            string[] actual = Describe(await CompilationAnalyzerRunner.RunAsync(compilation, shipped));
            Assert.True(expected.SequenceEqual(actual), $"{ruleCase.Name}: alone [{string.Join("; ", expected)}], shipped [{string.Join("; ", actual)}]");
            reported += actual.Length;
        }

        Assert.True(reported >= cases.Length, $"only {reported} diagnostics over {cases.Length} wrong cases");
    }

    /// <summary>Every concrete rule on DRM calls in the analyzer assembly, by name.</summary>
    private static Type[] RuleTypes()
        => typeof(DrmRuleAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DrmRuleAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

    private static string[] Describe(CompilationAnalyzerRunner.AnalysisRun run)
    {
        Assert.Empty(run.Exceptions);
        return run.AnalyzerDiagnostics
            .Select(d => $"{d.Id} {d.Location.SourceSpan} {d.GetMessage()} +{d.AdditionalLocations.Count} {string.Join(",", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))}")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
