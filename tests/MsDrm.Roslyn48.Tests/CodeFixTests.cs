using MsDrm.Roslyn48.Tests.Infrastructure;
using MsDrm.Testing.Cases;
using Xunit.Abstractions;

namespace MsDrm.Roslyn48.Tests;

/// <summary>
/// The code fixes on Roslyn 4.8, through Workspaces: every Wrong case, fixed one diagnostic at a
/// time with the first offered fix, and again with Fix All in document scope, loses its rule's
/// diagnostics and gains no compile error. Rules for which DESIGN.md names no fix (MSDRM006) have no
/// provider: their ids are left out, and a case marking only such rules is not run here. MSDRM003 and
/// MSDRM005 offer their fix only where it is safe (DESIGN.md: "A fix that cannot be made safely is not
/// offered"): a case of theirs without an offered fix must still gain no compile error, and where a fix
/// is offered it must remove the diagnostic.
/// </summary>
public class CodeFixTests(ITestOutputHelper output)
{
    private static readonly string[] RulesFixedOnlyWhereSafe = ["MSDRM003", "MSDRM005"];

    private static readonly HashSet<string> Fixable = ProductAssemblies.CreateCodeFixProviders().SelectMany(p => p.FixableDiagnosticIds).ToHashSet();

    public static TheoryData<string> CaseKeys()
    {
        var data = new TheoryData<string>();
        foreach (SharedRuleCase ruleCase in SharedRuleCases.All.Where(c => FixableIds(c).Length > 0))
        {
            data.Add(ruleCase.Key);
        }

        return data;
    }

    private static string[] FixableIds(SharedRuleCase ruleCase) => ruleCase.RuleIds.Where(Fixable.Contains).ToArray();

    [Theory]
    [MemberData(nameof(CaseKeys))]
    public async Task Wrong_case_is_fixed(string key)
    {
        SharedRuleCase ruleCase = SharedRuleCases.Get(key);
        FixRunResult result = await FixRunner.RunAsync(SharedRuleCases.StripMarkup(ruleCase.Case.Wrong));
        output.WriteLine(result.FixedText);

        string[] ids = FixableIds(ruleCase);
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Contains(result.InitialDiagnostics, d => d.Id == id));
        Assert.Empty(result.NewErrors.Select(d => d.ToString()));
        if (result.FixedCount == 0 && ids.All(RulesFixedOnlyWhereSafe.Contains))
        {
            return;
        }

        if (CasesWithoutSafeFix.Reasons.ContainsKey(ruleCase.Case.Name))
        {
            Assert.Equal(0, result.FixedCount);
            Assert.Equal(result.InitialDiagnostics.Select(d => d.Id), result.RemainingDiagnostics.Select(d => d.Id));
            return;
        }

        Assert.True(result.FixedCount > 0, "no fix was applied");
        Assert.Empty(result.RemainingDiagnostics.Where(d => ids.Contains(d.Id)).Select(d => d.ToString()));
        Assert.Empty(result.NewErrors.Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(CaseKeys))]
    public async Task Wrong_case_is_fixed_by_Fix_All_in_document(string key)
    {
        SharedRuleCase ruleCase = SharedRuleCases.Get(key);
        string[] ids = FixableIds(ruleCase);
        FixRunResult result = await FixAllRunner.RunAsync(SharedRuleCases.StripMarkup(ruleCase.Case.Wrong), ids, maxRounds: 1);
        output.WriteLine($"{result.FixedCount} Fix All actions applied");
        output.WriteLine(result.FixedText);

        Assert.Empty(result.NewErrors.Select(d => d.ToString()));
        if (result.FixedCount == 0 && ids.All(RulesFixedOnlyWhereSafe.Contains))
        {
            return;
        }

        if (CasesWithoutSafeFix.Reasons.ContainsKey(ruleCase.Case.Name))
        {
            Assert.Equal(0, result.FixedCount);
            return;
        }

        Assert.True(result.FixedCount > 0, "no Fix All was applied");
        Assert.Empty(result.RemainingDiagnostics.Where(d => ids.Contains(d.Id)).Select(d => d.ToString()));
        Assert.Empty(result.NewErrors.Select(d => d.ToString()));
    }
}
