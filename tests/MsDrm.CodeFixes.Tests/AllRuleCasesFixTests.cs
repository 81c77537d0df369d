using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using MsDrm.CodeFixes.Tests.Infrastructure;
using MsDrm.Testing.Cases;
using Xunit.Abstractions;

namespace MsDrm.CodeFixes.Tests;

/// <summary>
/// Every Wrong source of the shared rule cases, fixed through Workspaces the way an IDE applies
/// fixes (first offered fix, one diagnostic at a time): the case's rule must be gone and the fixes
/// must not add a compile error; the contract test checks every rule of the package (FixContract).
/// </summary>
public partial class AllRuleCasesFixTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (rule, ruleCase) in AllCases())
        {
            data.Add(rule, ruleCase.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WrongCase_IsFixed(string rule, string name)
    {
        RuleCase ruleCase = AllCases().Single(c => c.Rule == rule && c.Case.Name == name).Case;
        FixRunResult result = await WorkspaceFixRunner.RunAsync(StripMarkup(ruleCase.Wrong));
        output.WriteLine(result.FixedText);

        Assert.Contains(result.InitialDiagnostics, d => d.Id == rule);
        if (CasesWithoutSafeFix.Reasons.ContainsKey(name))
        {
            Assert.Equal(0, result.FixedCount);
            Assert.Equal(result.InitialDiagnostics.Select(d => d.Id), result.RemainingDiagnostics.Select(d => d.Id));
        }
        else
        {
            Assert.Empty(result.RemainingDiagnostics.Where(d => d.Id == rule));
        }

        Assert.Empty(NewErrors(result));
    }

    /// <summary>
    /// The contract on every Wrong case: each MSDRM001/MSDRM002 diagnostic (the case's rule or not)
    /// gets at least one fix; each offered action, not only the first, removes its diagnostic with no
    /// new compile error and no new MSDRM diagnostic; Fix All in every scope likewise.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WrongCase_EveryOfferedFixKeepsTheContract(string rule, string name)
    {
        RuleCase ruleCase = AllCases().Single(c => c.Rule == rule && c.Case.Name == name).Case;
        var (failures, texts) = await FixContract.CheckAsync(StripMarkup(ruleCase.Wrong));
        foreach (string text in texts)
        {
            output.WriteLine(text);
        }

        if (CasesWithoutSafeFix.Reasons.ContainsKey(name))
        {
            // Exactly the case's diagnostics get no fix, and nothing else breaks.
            Assert.NotEmpty(failures);
            Assert.All(failures, f => Assert.Matches(@"^" + rule + @" at \d+,\d+: no fix offered$", f));
            return;
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>All cases in one run: reports how many diagnostics the fixes removed.</summary>
    [Fact]
    public async Task AllWrongCases_Summary()
    {
        int cases = 0, diagnostics = 0, ruleDiagnostics = 0, fixes = 0, remaining = 0, remainingAny = 0, errors = 0;
        foreach (var (rule, ruleCase) in AllCases())
        {
            FixRunResult result = await WorkspaceFixRunner.RunAsync(StripMarkup(ruleCase.Wrong));
            cases++;
            diagnostics += result.InitialDiagnostics.Length;
            ruleDiagnostics += result.InitialDiagnostics.Count(d => d.Id == rule);
            remainingAny += result.RemainingDiagnostics.Length;
            fixes += result.FixedCount;
            remaining += CasesWithoutSafeFix.Reasons.ContainsKey(ruleCase.Name) ? 0 : result.RemainingDiagnostics.Count(d => d.Id == rule);
            errors += NewErrors(result).Count();
        }

        string summary = $"{cases} cases, {diagnostics} MSDRM diagnostics before ({ruleDiagnostics} of the case's own rule), "
            + $"{fixes} fixes applied, {remaining} of the case's rule left (besides {CasesWithoutSafeFix.Reasons.Count} case(s) without a safe fix), {remainingAny} MSDRM diagnostics of any rule left, {errors} new compile errors";
        output.WriteLine(summary);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "all-rule-cases-fix-summary.txt"), summary + Environment.NewLine);
        Assert.Equal(0, remaining);
        Assert.Equal(0, errors);
    }

    private static IEnumerable<(string Rule, RuleCase Case)> AllCases()
    {
        foreach (RuleCase ruleCase in HandleNotClosedCases.All)
        {
            yield return ("MSDRM001", ruleCase);
        }

        foreach (RuleCase ruleCase in HresultIgnoredCases.All)
        {
            yield return ("MSDRM002", ruleCase);
        }
    }

    private static IEnumerable<Diagnostic> NewErrors(FixRunResult result)
        => result.FinalErrors.Where(e => !result.InitialErrors.Any(i => i.Id == e.Id && i.GetMessage() == e.GetMessage()));

    internal static string StripMarkup(string source) => Markup().Replace(source, string.Empty).Replace("|}", string.Empty);

    [GeneratedRegex(@"\{\|[A-Za-z0-9]+:")]
    private static partial Regex Markup();
}
