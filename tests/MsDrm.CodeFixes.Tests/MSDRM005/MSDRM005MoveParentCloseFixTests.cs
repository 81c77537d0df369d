using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MsDrm.CodeFixes.Tests.Infrastructure;
using MsDrm.Testing.Cases;
using Xunit;
using static MsDrm.Testing.Cases.HandleNotClosedSource;

namespace MsDrm.CodeFixes.Tests.MSDRM005;

/// <summary>
/// MSDRM005's fix (move the parent's close after the child's) under the fix contract: every offered fix
/// removes its diagnostic, adds no compile error and no other MSDRM diagnostic, Fix All too; offered only
/// for a straight-line move inside one block.
/// </summary>
public class MSDRM005MoveParentCloseFixTests
{
    private const string BoundAndDecryptor = """
        DrmException.ThrowIfFailed(Native.DRMCreateBoundLicense(env, IntPtr.Zero, "<eul/>", out uint license, out _));
        DrmException.ThrowIfFailed(Native.DRMCreateEnablingBitsDecryptor(license, "VIEW", 0, null, out uint decryptor));

        """;

    private static readonly CodeFixProvider[] Providers = [new MSDRM005CloseOrderCodeFixProvider()];

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (RuleCase rule in MSDRM005Cases.All)
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
    [InlineData("Default_library_after_its_environment")]
    [InlineData("Decryptor_after_its_bound_license")]
    [InlineData("Encryptor_after_its_bound_license")]
    [InlineData("Bound_license_object_after_its_container")]
    [InlineData("Unbound_license_sub_query_after_its_root")]
    [InlineData("Parent_is_a_parameter")]
    [InlineData("Wrong_order_in_finally")]
    [InlineData("Parent_closed_through_a_copy")]
    [InlineData("Wrapper_of_the_environment_disposed_before_the_library")]
    [InlineData("Wrong_order_inside_a_loop")]
    public async Task Offered_for_a_straight_line_move_and_gives_the_correct_twin(string name)
    {
        Document document = await FixAsync(MSDRM005Cases.All.Single(c => c.Name == name).Wrong);
        Assert.Equal(Normalize(MSDRM005Cases.All.Single(c => c.Name == name).Correct), Normalize((await document.GetTextAsync()).ToString()));
    }

    [Fact]
    public async Task Two_children_move_the_parent_after_the_last_child_close()
    {
        Document document = await FixAsync(Body("Two", """
            DrmException.ThrowIfFailed(Native.DRMInitEnvironment(0, 1, null, null, "<machine/>", out uint environment, out uint library));
            DrmException.ThrowIfFailed(Native.DRMLoadLibrary(environment, 1, "plugin.dll", null, out uint plugin));
            Native.DRMCloseEnvironmentHandle(environment);
            Native.DRMCloseHandle(plugin);
            Console.WriteLine("closing");
            Native.DRMCloseHandle(library);
            """, "").Wrong);
        string text = (await document.GetTextAsync()).ToString();
        Assert.True(text.IndexOf("DRMCloseHandle(library)", StringComparison.Ordinal) < text.IndexOf("DRMCloseEnvironmentHandle(environment)", StringComparison.Ordinal), text);
    }

    [Theory]
    [InlineData("Goto_cleanup_closes_the_license_first")]
    [InlineData("Using_block_of_the_environment_ends_before_the_library_is_closed")]
    public async Task Not_offered_across_blocks_or_for_an_implicit_disposal(string name)
        => Assert.Empty(await ActionsAsync(MSDRM005Cases.All.Single(c => c.Name == name).Wrong));

    [Theory]
    [InlineData("if (flag)\n{\n    return;\n}\n")]
    [InlineData("Console.WriteLine(license);\n")]
    [InlineData("license = 0;\n")]
    public async Task Not_offered_past_a_jump_or_a_mention_of_the_parent(string between)
        => Assert.Empty(await ActionsAsync(Body("Between", BoundAndDecryptor + "Native.DRMCloseHandle(license);\n" + between + "Native.DRMCloseHandle(decryptor);", "").Wrong));

    private static async Task<Document> FixAsync(string wrong)
    {
        (Document document, List<CodeAction> actions) = await ActionsWithDocumentAsync(wrong);
        CodeAction action = Assert.Single(actions);
        ApplyChangesOperation apply = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        return apply.ChangedSolution.GetDocument(document.Id)!;
    }

    private static async Task<List<CodeAction>> ActionsAsync(string wrong) => (await ActionsWithDocumentAsync(wrong)).Actions;

    private static async Task<(Document Document, List<CodeAction> Actions)> ActionsWithDocumentAsync(string wrong)
    {
        var workspace = new AdhocWorkspace();
        Document document = FixContract.CreateDocument(workspace, CaseMarkup.Parse(wrong).Source, withRuntime: true);
        var diagnostics = (await WorkspaceFixRunner.AnalyzeAsync(document, DrmAnalyzers.WithLifetimeRules())).Where(d => d.Id == "MSDRM005").ToList();
        Assert.NotEmpty(diagnostics);
        var actions = new List<CodeAction>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            await Providers[0].RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        }

        return (document, actions);
    }

    private static string Source(string name) => CaseMarkup.Parse(MSDRM005Cases.All.Single(c => c.Name == name).Wrong).Source;

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
