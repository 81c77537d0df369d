using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MsDrm.Testing;
using MsDrm.Testing.Cases;

namespace MsDrm.CodeFixes.Tests.Infrastructure;

/// <summary>What applying the fixes to one source did.</summary>
public sealed record FixRunResult(
    string FixedText,
    int FixedCount,
    ImmutableArray<Diagnostic> InitialDiagnostics,
    ImmutableArray<Diagnostic> RemainingDiagnostics,
    ImmutableArray<Diagnostic> InitialErrors,
    ImmutableArray<Diagnostic> FinalErrors);

/// <summary>
/// Applies the code fixes the way an IDE does, through Workspaces: an AdhocWorkspace project,
/// <see cref="CodeFixProvider.RegisterCodeFixesAsync"/>, the first offered action, its
/// <see cref="ApplyChangesOperation"/>, and again on the new solution until no MSDRM diagnostic
/// with an offered fix remains.
/// </summary>
public static class WorkspaceFixRunner
{
    private static readonly CodeFixProvider[] Providers = [new MSDRM001HandleNotClosedCodeFixProvider(), new MSDRM002HresultIgnoredCodeFixProvider()];

    public static async Task<FixRunResult> RunAsync(string source, bool withRuntime = true, string? equivalenceKey = null, int maxSteps = 40)
    {
        using var workspace = new AdhocWorkspace();
        OutputKind kind = source.Contains("class ") || source.Contains("namespace ") ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication;
        var projectInfo = ProjectInfo.Create(
                ProjectId.CreateNewId(), VersionStamp.Create(), "Test", "Test", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(IsTopLevel(source) ? OutputKind.ConsoleApplication : kind, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: withRuntime ? TestReferences.Net80WithRuntime : TestReferences.Net80);
        Project project = workspace.AddProject(projectInfo);
        DocumentId testId = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source)).Id;
        workspace.AddDocument(project.Id, DrmDeclarations.FileName, SourceText.From(DrmDeclarations.Source));

        ImmutableArray<Diagnostic> initial = await AnalyzeAsync(workspace.CurrentSolution.GetDocument(testId)!);
        ImmutableArray<Diagnostic> initialErrors = await ErrorsAsync(workspace.CurrentSolution.GetProject(project.Id)!);
        int fixedCount = 0;
        var skipped = new HashSet<string>();
        for (int step = 0; step < maxSteps; step++)
        {
            Document document = workspace.CurrentSolution.GetDocument(testId)!;
            var diagnostics = await AnalyzeAsync(document);
            SourceText text = await document.GetTextAsync();
            Diagnostic? next = diagnostics.FirstOrDefault(d => !skipped.Contains(Key(d, text)));
            if (next is null)
            {
                break;
            }

            CodeAction? action = await FirstActionAsync(document, next, equivalenceKey);
            if (action is null)
            {
                skipped.Add(Key(next, text));
                continue;
            }

            foreach (CodeActionOperation operation in await action.GetOperationsAsync(CancellationToken.None))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    workspace.TryApplyChanges(apply.ChangedSolution);
                }
            }

            fixedCount++;
        }

        Document final = workspace.CurrentSolution.GetDocument(testId)!;
        return new FixRunResult(
            (await final.GetTextAsync()).ToString(),
            fixedCount,
            initial,
            await AnalyzeAsync(final),
            initialErrors,
            await ErrorsAsync(final.Project));
    }

    private static bool IsTopLevel(string source)
        => CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot().Members.Any(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax);

    private static string Key(Diagnostic diagnostic, SourceText text)
        => diagnostic.Id + ":" + text.ToString(diagnostic.Location.SourceSpan) + ":" + MessageLines.WithoutLines(diagnostic.GetMessage());

    /// <summary>The MSDRM diagnostics of the document, by <see cref="DrmAnalyzers.Create"/> unless <paramref name="analyzers"/> are given.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document, IEnumerable<DiagnosticAnalyzer>? analyzers = null)
    {
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        var all = await compilation.WithAnalyzers((analyzers ?? DrmAnalyzers.Create()).ToImmutableArray()).GetAnalyzerDiagnosticsAsync();
        SyntaxTree tree = (await document.GetSyntaxTreeAsync())!;
        return all.Where(d => d.Location.SourceTree == tree && d.Id.StartsWith("MSDRM", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    public static async Task<ImmutableArray<Diagnostic>> ErrorsAsync(Project project)
    {
        Compilation compilation = (await project.GetCompilationAsync())!;
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
    }

    private static async Task<CodeAction?> FirstActionAsync(Document document, Diagnostic diagnostic, string? equivalenceKey)
    {
        var actions = new List<CodeAction>();
        foreach (CodeFixProvider provider in Providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
        }

        return actions.FirstOrDefault(a => a.EquivalenceKey == equivalenceKey) ?? actions.FirstOrDefault();
    }
}
