using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using MsDrm.Testing;

namespace MsDrm.Robustness.Tests.Harness;

/// <summary>
/// Applies every code action of every fix provider to each MSDRM diagnostic of one source file and
/// reports failures: a provider or action that throws, or a fixed text that no longer compiles.
/// </summary>
internal static class FixRun
{
    internal static async Task<(int ActionsApplied, IReadOnlyList<string> Failures)> RunAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        Document document = CreateDocument(workspace, source);
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        var (diagnostics, analyzerFailures) = await AnalyzerRun.RunAsync(compilation);
        var failures = new List<string>(analyzerFailures);
        int applied = 0;
        SyntaxTree tree = (await document.GetSyntaxTreeAsync())!;
        foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Location.SourceTree == tree))
        {
            foreach (CodeFixProvider provider in ProductAssemblies.CodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                foreach (CodeAction action in await ActionsAsync(provider, document, diagnostic, failures))
                {
                    applied++;
                    await CheckActionAsync(action, document, diagnostic, failures);
                }
            }
        }

        return (applied, failures);
    }

    private static Document CreateDocument(AdhocWorkspace workspace, string source)
    {
        var trees = new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, AnalyzerRun.ParseOptions) };
        var projectInfo = ProjectInfo.Create(
                ProjectId.CreateNewId(), VersionStamp.Default, "Mutant", "Mutant", LanguageNames.CSharp,
                compilationOptions: new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(
                    AnalyzerRun.OutputKindOf(trees), allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: AnalyzerRun.ParseOptions,
                metadataReferences: TestReferences.Net80WithRuntime);
        Project project = workspace.AddProject(projectInfo);
        project = project.AddDocument(DrmDeclarations.FileName, SourceText.From(DrmDeclarations.Source)).Project;
        Document document = project.AddDocument("Test.cs", SourceText.From(source));
        workspace.TryApplyChanges(document.Project.Solution);
        return workspace.CurrentSolution.GetDocument(document.Id)!;
    }

    private static async Task<IReadOnlyList<CodeAction>> ActionsAsync(
        CodeFixProvider provider, Document document, Diagnostic diagnostic, List<string> failures)
    {
        var actions = new List<CodeAction>();
        try
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
        }
        catch (Exception exception)
        {
            failures.Add($"{provider.GetType().Name} threw registering a fix for {diagnostic}: {exception}");
        }

        // Nested actions (a fix with sub-choices) are applied one by one.
        return actions.SelectMany(a => a.NestedActions.IsDefaultOrEmpty ? ImmutableArray.Create(a) : a.NestedActions).ToList();
    }

    private static async Task CheckActionAsync(CodeAction action, Document document, Diagnostic diagnostic, List<string> failures)
    {
        try
        {
            ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
            Solution? changed = operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
            if (changed is null)
            {
                return;
            }

            Compilation after = (await changed.GetProject(document.Project.Id)!.GetCompilationAsync())!;
            var errors = after.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                string text = (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
                failures.Add($"'{action.Title}' for {diagnostic.Id} broke the build: {errors[0]}\n{text}");
            }
        }
        catch (Exception exception)
        {
            failures.Add($"'{action.Title}' for {diagnostic.Id} threw: {exception}");
        }
    }
}
