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

/// <summary>
/// The promise every fix keeps, checked through Workspaces: each MSDRM001/MSDRM002 diagnostic gets
/// at least one fix, and each offered fix (every action, not only the first) removes its diagnostic,
/// adds no compile error and no other MSDRM diagnostic of any rule (<see cref="DrmAnalyzers.All"/>).
/// Fix All (document, project, solution) too.
/// </summary>
public static class FixContract
{
    private static readonly CodeFixProvider[] Providers = [new MSDRM001HandleNotClosedCodeFixProvider(), new MSDRM002HresultIgnoredCodeFixProvider()];

    /// <summary>Every broken promise, one line each (empty when all hold), and the fixed texts for the log.</summary>
    /// <param name="extraSources">More files of the project (name, text), such as generated bindings.</param>
    public static Task<(List<string> Failures, List<string> Fixed)> CheckAsync(string source, bool withRuntime = true, bool fixAll = true, IEnumerable<(string Name, string Text)>? extraSources = null)
        => CheckAsync(source, Providers, DrmAnalyzers.All(), everyDiagnosticFixed: true, withRuntime, fixAll, extraSources);

    /// <summary>
    /// The same promise for other providers. With <paramref name="everyDiagnosticFixed"/> false (fixes offered
    /// only where they are safe: MSDRM003, MSDRM005) a diagnostic without a fix is no failure, and Fix All may
    /// leave exactly those diagnostics. <paramref name="analyzers"/> are the rules a fix must not make worse.
    /// </summary>
    public static async Task<(List<string> Failures, List<string> Fixed)> CheckAsync(string source, CodeFixProvider[] providers, IEnumerable<DiagnosticAnalyzer> analyzers, bool everyDiagnosticFixed, bool withRuntime = true, bool fixAll = true, IEnumerable<(string Name, string Text)>? extraSources = null)
    {
        var failures = new List<string>();
        var texts = new List<string>();
        using var workspace = new AdhocWorkspace();
        Document document = CreateDocument(workspace, source, withRuntime, extraSources);
        ImmutableArray<Diagnostic> all = await WorkspaceFixRunner.AnalyzeAsync(document, analyzers);
        ImmutableArray<Diagnostic> diagnostics = all.Where(d => IsFixable(providers, d)).ToImmutableArray();
        ImmutableArray<Diagnostic> errors = await WorkspaceFixRunner.ErrorsAsync(document.Project);

        var unfixed = new List<Diagnostic>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            string where = $"{diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition}";
            var actions = new List<CodeAction>();
            foreach (CodeFixProvider provider in providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            }

            if (actions.Count == 0)
            {
                unfixed.Add(diagnostic);
                if (everyDiagnosticFixed)
                {
                    failures.Add($"{where}: no fix offered");
                }
            }

            foreach (CodeAction action in actions)
            {
                Document changed = await ApplyAsync(action, document);
                string text = (await changed.GetTextAsync()).ToString();
                texts.Add($"// {where}, '{action.Title}':\n{text}");
                failures.AddRange((await CompareAsync(analyzers, all, errors, changed, fixedOne: diagnostic)).Select(f => $"{where}, '{action.Title}': {f}"));
            }
        }

        if (fixAll && diagnostics.Length > 1)
        {
            foreach (FixAllScope scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution })
            {
                Document changed = await FixAllAsync(document, providers, analyzers, scope);
                texts.Add($"// Fix All ({scope}):\n{(await changed.GetTextAsync())}");
                // Diagnostics no provider fixes and those left without a fix may remain.
                var mayRemain = all.Where(d => !IsFixable(providers, d)).Concat(unfixed).ToImmutableArray();
                failures.AddRange((await CompareAsync(analyzers, mayRemain, errors, changed, fixedOne: null, allowBefore: true)).Select(f => $"Fix All ({scope}): {f}"));
            }
        }

        return (failures, texts);
    }

    private static bool IsFixable(CodeFixProvider[] providers, Diagnostic diagnostic)
        => providers.Any(p => p.FixableDiagnosticIds.Contains(diagnostic.Id));

    internal static Document CreateDocument(AdhocWorkspace workspace, string source, bool withRuntime, IEnumerable<(string Name, string Text)>? extraSources = null)
    {
        bool topLevel = CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot().Members.Any(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax);
        Project project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), "Test", "Test", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: withRuntime ? TestReferences.Net80WithRuntime : TestReferences.Net80));
        DocumentId id = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source)).Id;
        workspace.AddDocument(project.Id, DrmDeclarations.FileName, SourceText.From(DrmDeclarations.Source));
        foreach ((string name, string text) in extraSources ?? [])
        {
            workspace.AddDocument(project.Id, name, SourceText.From(text));
        }

        return workspace.CurrentSolution.GetDocument(id)!;
    }

    /// <summary>What went wrong between the original and the changed document (<paramref name="before"/>: the original's diagnostics).</summary>
    /// <param name="allowBefore">Fix All: the diagnostics in <paramref name="before"/> (those without a fix) may remain.</param>
    private static async Task<List<string>> CompareAsync(IEnumerable<DiagnosticAnalyzer> analyzers, ImmutableArray<Diagnostic> before, ImmutableArray<Diagnostic> errorsBefore, Document changed, Diagnostic? fixedOne, bool allowBefore = false)
    {
        var failures = new List<string>();
        ImmutableArray<Diagnostic> after = await WorkspaceFixRunner.AnalyzeAsync(changed, analyzers);
        var beforeCounts = Count(before.Where(d => fixedOne is null || !ReferenceEquals(d, fixedOne)));
        foreach (var (key, count) in Count(after))
        {
            int allowed = fixedOne is null && !allowBefore ? 0 : beforeCounts.GetValueOrDefault(key);
            if (count > allowed)
            {
                failures.Add($"{key} after the fix");
            }
        }

        foreach (Diagnostic error in await WorkspaceFixRunner.ErrorsAsync(changed.Project))
        {
            if (!errorsBefore.Any(e => e.Id == error.Id && e.GetMessage() == error.GetMessage()))
            {
                failures.Add($"new error {error.Id}: {error.GetMessage()}");
            }
        }

        return failures;
    }

    /// <summary>Diagnostics counted by id and message (positions move when code is inserted).</summary>
    private static Dictionary<string, int> Count(IEnumerable<Diagnostic> diagnostics)
        => diagnostics.GroupBy(d => d.Id + " '" + MessageLines.WithoutLines(d.GetMessage()) + "'").ToDictionary(g => g.Key, g => g.Count());

    private static async Task<Document> ApplyAsync(CodeAction action, Document document)
    {
        foreach (CodeActionOperation operation in await action.GetOperationsAsync(CancellationToken.None))
        {
            if (operation is ApplyChangesOperation apply)
            {
                return apply.ChangedSolution.GetDocument(document.Id)!;
            }
        }

        return document;
    }

    private static async Task<Document> FixAllAsync(Document document, CodeFixProvider[] providers, IEnumerable<DiagnosticAnalyzer> analyzers, FixAllScope scope)
    {
        Solution solution = document.Project.Solution;
        foreach (CodeFixProvider provider in providers)
        {
            // The diagnostics of the current document (the previous provider moved them).
            Document current = solution.GetDocument(document.Id)!;
            var fresh = (await WorkspaceFixRunner.AnalyzeAsync(current, analyzers)).Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
            if (fresh.IsEmpty)
            {
                continue;
            }

            // The first diagnostic that has a fix gives the fix kind (a rule may offer none where it is unsafe).
            var actions = new List<CodeAction>();
            foreach (Diagnostic candidate in fresh)
            {
                await provider.RegisterCodeFixesAsync(new CodeFixContext(current, candidate, (a, _) => actions.Add(a), CancellationToken.None));
                if (actions.Count > 0)
                {
                    break;
                }
            }

            if (actions.Count == 0)
            {
                continue;
            }

            var context = new FixAllContext(
                current, provider, scope, actions[0].EquivalenceKey, provider.FixableDiagnosticIds,
                new Provider(fresh), CancellationToken.None);
            CodeAction? fix = await provider.GetFixAllProvider()!.GetFixAsync(context);
            if (fix is not null)
            {
                solution = (await ApplyAsync(fix, current)).Project.Solution;
            }
        }

        return solution.GetDocument(document.Id)!;
    }

    private sealed class Provider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.Where(d => d.Location.SourceTree == document.GetSyntaxTreeAsync(cancellationToken).Result));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(Enumerable.Empty<Diagnostic>());
    }
}
