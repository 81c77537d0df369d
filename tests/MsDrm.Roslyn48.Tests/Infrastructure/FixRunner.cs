using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MsDrm.Testing;
using MsDrm.Testing.Cases;

namespace MsDrm.Roslyn48.Tests.Infrastructure;

/// <summary>
/// Applies the fixes as an IDE does, through Workspaces on the shipped Roslyn: every analyzer and
/// fix provider of the product, the first action offered for one diagnostic at a time, applied,
/// and again on the new solution until no diagnostic with an offered fix remains.
/// </summary>
public static class FixRunner
{
    private static readonly ImmutableArray<CodeFixProvider> Providers = ProductAssemblies.CreateCodeFixProviders();

    /// <summary>Fixes <paramref name="source"/> (no markup) step by step.</summary>
    public static async Task<FixRunResult> RunAsync(string source, int maxSteps = 40)
    {
        (AdhocWorkspace workspace, DocumentId testId) = CreateWorkspace(source);
        using var disposeWorkspace = workspace;
        ImmutableArray<Diagnostic> initial = await AnalyzeAsync(workspace.CurrentSolution.GetDocument(testId)!);
        ImmutableArray<Diagnostic> initialErrors = await ErrorsAsync(workspace.CurrentSolution.GetDocument(testId)!.Project);
        int fixedCount = 0;
        var skipped = new HashSet<string>();
        for (int step = 0; step < maxSteps; step++)
        {
            Document document = workspace.CurrentSolution.GetDocument(testId)!;
            SourceText text = await document.GetTextAsync();
            Diagnostic? next = (await AnalyzeAsync(document)).FirstOrDefault(d => !skipped.Contains(Key(d, text)));
            if (next is null)
            {
                break;
            }

            CodeAction? action = await FirstActionAsync(document, next);
            if (action is null)
            {
                skipped.Add(Key(next, text));
                continue;
            }

            foreach (ApplyChangesOperation apply in (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>())
            {
                workspace.TryApplyChanges(apply.ChangedSolution);
            }

            fixedCount++;
        }

        return await ResultAsync(workspace.CurrentSolution.GetDocument(testId)!, fixedCount, initial, initialErrors);
    }

    /// <summary>A workspace with one C# project: Test.cs holding <paramref name="source"/>, and Native.cs.</summary>
    public static (AdhocWorkspace Workspace, DocumentId TestDocument) CreateWorkspace(string source)
    {
        var workspace = new AdhocWorkspace();
        var projectInfo = ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), "Test", "Test", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: Net80References.Net80WithRuntime);
        Project project = workspace.AddProject(projectInfo);
        DocumentId testId = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source)).Id;
        workspace.AddDocument(project.Id, DrmDeclarations.FileName, SourceText.From(DrmDeclarations.Source));
        return (workspace, testId);
    }

    /// <summary>The outcome: the final text, diagnostics and compile errors next to the initial ones.</summary>
    public static async Task<FixRunResult> ResultAsync(Document final, int fixedCount, ImmutableArray<Diagnostic> initial, ImmutableArray<Diagnostic> initialErrors)
        => new(
            (await final.GetTextAsync()).ToString(),
            fixedCount,
            initial,
            await AnalyzeAsync(final),
            initialErrors,
            await ErrorsAsync(final.Project));

    /// <summary>The product's diagnostics in <paramref name="document"/>, in source order.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document)
    {
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        var exceptions = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> all = await compilation.WithAnalyzers(ProductAssemblies.CreateAnalyzers(), options).GetAnalyzerDiagnosticsAsync();

        // A Roslyn API missing from the shipped version surfaces here (MissingMethodException, ...): rethrow it.
        if (!exceptions.IsEmpty)
        {
            throw new AggregateException("An analyzer threw on the shipped Roslyn.", exceptions);
        }

        SyntaxTree tree = (await document.GetSyntaxTreeAsync())!;
        return all.Where(d => d.Location.SourceTree == tree)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>The compile errors of <paramref name="project"/>.</summary>
    public static async Task<ImmutableArray<Diagnostic>> ErrorsAsync(Project project)
    {
        Compilation compilation = (await project.GetCompilationAsync())!;
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
    }

    private static string Key(Diagnostic diagnostic, SourceText text)
        => diagnostic.Id + ":" + text.ToString(diagnostic.Location.SourceSpan) + ":" + MessageLines.WithoutLines(diagnostic.GetMessage());

    private static async Task<CodeAction?> FirstActionAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        foreach (CodeFixProvider provider in Providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await provider.RegisterCodeFixesAsync(context);
        }

        return actions.FirstOrDefault();
    }
}
