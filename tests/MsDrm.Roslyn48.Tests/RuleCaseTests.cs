using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MsDrm.Roslyn48.Tests.Infrastructure;

namespace MsDrm.Roslyn48.Tests;

/// <summary>
/// Every shared rule case on Roslyn 4.8: the Wrong source reports exactly its marked diagnostics
/// (with the analyzers of the marked rules, as the 4.11 analyzer tests do), the Correct source is
/// silent for every analyzer, and both compile.
/// </summary>
public class RuleCaseTests
{
    public static TheoryData<string> CaseKeys() => SharedRuleCases.Keys();

    [Fact]
    public void The_leg_runs_cases_of_every_rule_the_analyzers_support()
    {
        var supported = ProductAssemblies.CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        var covered = SharedRuleCases.All.SelectMany(c => c.RuleIds).ToHashSet();
        Assert.Contains("MSDRM001", covered);
        Assert.Contains("MSDRM002", covered);
        Assert.True(SharedRuleCases.All.Length >= 100, $"only {SharedRuleCases.All.Length} cases");
        Assert.Equal(SharedRuleCases.All.Length, SharedRuleCases.All.Select(c => c.Key).Distinct().Count());
        Assert.Subset(supported, covered);
    }

    [Theory]
    [MemberData(nameof(CaseKeys))]
    public Task Wrong_reports_exactly_the_marked_diagnostics(string key)
    {
        SharedRuleCase ruleCase = SharedRuleCases.Get(key);
        Assert.NotEmpty(ruleCase.RuleIds);
        ImmutableArray<DiagnosticAnalyzer> analyzers = ProductAssemblies.CreateAnalyzers()
            .Where(a => a.SupportedDiagnostics.Any(d => ruleCase.RuleIds.Contains(d.Id)))
            .ToImmutableArray();
        Assert.NotEmpty(analyzers);

        var test = new ShippedRoslynAnalyzerTest(ruleCase.Case.Wrong, analyzers);

        // An analyzer that serves several rules reports only the marked ones here.
        test.DisabledDiagnostics.AddRange(analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => !ruleCase.RuleIds.Contains(id)));
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(CaseKeys))]
    public Task Correct_is_silent_for_every_analyzer(string key)
        => new ShippedRoslynAnalyzerTest(SharedRuleCases.Get(key).Case.Correct, ProductAssemblies.CreateAnalyzers()).RunAsync(CancellationToken.None);
}
