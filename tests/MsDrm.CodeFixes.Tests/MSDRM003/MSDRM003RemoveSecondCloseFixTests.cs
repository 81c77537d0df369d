using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MsDrm.CodeFixes.Tests.Infrastructure;
using MsDrm.Testing.Cases;
using Xunit;

namespace MsDrm.CodeFixes.Tests.MSDRM003;

/// <summary>
/// MSDRM003's fix (remove the second close) under the fix contract: every offered fix removes its
/// diagnostic, adds no compile error and no other MSDRM diagnostic, Fix All too; offered exactly where
/// removing the close leaves every path closed once.
/// </summary>
public class MSDRM003RemoveSecondCloseFixTests
{
    private static readonly CodeFixProvider[] Providers = [new MSDRM003UsedAfterCloseCodeFixProvider()];

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (RuleCase rule in MSDRM003Cases.All)
        {
            data.Add(rule.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Every_offered_fix_keeps_the_contract(string name)
    {
        (List<string> failures, List<string> texts) = await FixContract.CheckAsync(Source(name), Providers, DrmAnalyzers.WithLifetimeRules(), everyDiagnosticFixed: false);
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n" + string.Join("\n", texts));
    }

    [Theory]
    [InlineData("Escaped_handle_still_closed_twice_here")]
    [InlineData("Failed_close_retried")]
    public async Task Offered_where_the_close_is_second_on_every_path(string name)
        => Assert.Single(await ActionsAsync(name));

    [Theory]
    [InlineData("Closed_twice_in_sequence")]
    [InlineData("Raw_close_while_the_adopting_wrapper_is_live")]
    [InlineData("Parameter_closed_twice")]
    [InlineData("Environment_closed_twice")]
    [InlineData("Closed_in_a_lambda_body_twice")]
    public async Task Offered_and_gives_the_correct_twin(string name)
    {
        Document document = await FixAsync(name);
        Assert.Equal(Normalize(MSDRM003Cases.All.Single(c => c.Name == name).Correct), Normalize((await document.GetTextAsync()).ToString()));
    }

    [Theory]
    [InlineData("Used_after_close")]
    [InlineData("Closed_in_a_branch_then_again")]
    [InlineData("Closed_inside_a_loop")]
    [InlineData("Goto_cleanup_after_an_early_close")]
    [InlineData("Closed_in_try_and_in_finally")]
    [InlineData("Closed_in_catch_then_after_the_try")]
    [InlineData("Zero_assignment_starts_a_new_value")]
    [InlineData("Closed_handle_adopted_by_a_wrapper")]
    public async Task Not_offered_where_removing_the_call_would_change_a_path(string name)
        => Assert.Empty(await ActionsAsync(name));

    private static async Task<Document> FixAsync(string name)
    {
        (Document document, List<CodeAction> actions) = await ActionsWithDocumentAsync(name);
        CodeAction action = Assert.Single(actions);
        ApplyChangesOperation apply = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        return apply.ChangedSolution.GetDocument(document.Id)!;
    }

    private static async Task<List<CodeAction>> ActionsAsync(string name) => (await ActionsWithDocumentAsync(name)).Actions;

    private static async Task<(Document Document, List<CodeAction> Actions)> ActionsWithDocumentAsync(string name)
    {
        var workspace = new AdhocWorkspace();
        Document document = FixContract.CreateDocument(workspace, Source(name), withRuntime: true);
        var actions = new List<CodeAction>();
        foreach (Diagnostic diagnostic in (await WorkspaceFixRunner.AnalyzeAsync(document, DrmAnalyzers.WithLifetimeRules())).Where(d => d.Id == "MSDRM003"))
        {
            await Providers[0].RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        }

        return (document, actions);
    }

    private static string Source(string name) => CaseMarkup.Parse(MSDRM003Cases.All.Single(c => c.Name == name).Wrong).Source;

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
