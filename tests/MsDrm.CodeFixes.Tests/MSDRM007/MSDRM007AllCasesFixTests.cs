using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MsDrm.Analyzers;
using MsDrm.Analyzers.Rules;
using MsDrm.Testing;
using MsDrm.Testing.Cases;

namespace MsDrm.CodeFixes.Tests.MSDRM007;

/// <summary>
/// Every Wrong MSDRM007 case, fixed the way an IDE applies fixes (each offered action of the
/// diagnostic in turn, through Workspaces): the declaration ends up silent and no compile error is added.
/// </summary>
public class MSDRM007AllCasesFixTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (RuleCase ruleCase in ImportDeclarationCases.All)
        {
            data.Add(ruleCase.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Wrong_case_is_fixed_by_its_offered_actions(string name)
    {
        string source = StripMarkup(ImportDeclarationCases.Get(name).Wrong);
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), "Test", "Test", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: TestReferences.Net80WithRuntime));
        DocumentId id = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source)).Id;
        workspace.AddDocument(project.Id, DrmDeclarations.FileName, SourceText.From(DrmDeclarations.Source));

        int errorsBefore = await ErrorCountAsync(workspace.CurrentSolution.GetDocument(id)!);
        Assert.NotEmpty(await DiagnosticsAsync(workspace.CurrentSolution.GetDocument(id)!));
        for (int step = 0; step < 8; step++)
        {
            Document document = workspace.CurrentSolution.GetDocument(id)!;
            Diagnostic? diagnostic = (await DiagnosticsAsync(document)).FirstOrDefault();
            if (diagnostic is null)
            {
                break;
            }

            var actions = new List<CodeAction>();
            await new MSDRM007ImportDeclarationCodeFixProvider().RegisterCodeFixesAsync(
                new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            Assert.NotEmpty(actions);
            CodeAction action = actions[0];
            foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
            {
                operation.Apply(workspace, CancellationToken.None);
            }
        }

        Document fixedDocument = workspace.CurrentSolution.GetDocument(id)!;
        Assert.Empty(await DiagnosticsAsync(fixedDocument));
        Assert.True(await ErrorCountAsync(fixedDocument) <= errorsBefore, (await fixedDocument.GetTextAsync()).ToString());
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document)
    {
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MSDRM007ImportDeclarationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == DiagnosticIds.ImportDeclaration).ToImmutableArray();
    }

    private static async Task<int> ErrorCountAsync(Document document)
        => (await document.Project.GetCompilationAsync())!.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);

    private static string StripMarkup(string source)
        => System.Text.RegularExpressions.Regex.Replace(source, @"\{\|MSDRM\d+:|\|\}", string.Empty);
}
