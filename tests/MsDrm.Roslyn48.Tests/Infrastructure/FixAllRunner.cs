using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MsDrm.Roslyn48.Tests.Infrastructure;

/// <summary>
/// Fix All in document scope on the shipped Roslyn: for each rule id, the provider's
/// <see cref="FixAllProvider"/> with the equivalence key of the first fix offered, as the IDE's
/// "Fix all occurrences in document" runs it, applied rule after rule, round after round.
/// </summary>
public static class FixAllRunner
{
    private static readonly ImmutableArray<CodeFixProvider> Providers = ProductAssemblies.CreateCodeFixProviders();

    /// <summary>
    /// Fixes every diagnostic of <paramref name="ruleIds"/> in <paramref name="source"/> (no markup)
    /// with Fix All, invoked again (up to <paramref name="maxRounds"/> times) while it still changes
    /// something, as a user would when a fix leaves a diagnostic behind.
    /// </summary>
    public static async Task<FixRunResult> RunAsync(string source, IReadOnlyCollection<string> ruleIds, int maxRounds)
    {
        (AdhocWorkspace workspace, DocumentId documentId) = FixRunner.CreateWorkspace(source);
        using var disposeWorkspace = workspace;
        Document initialDocument = workspace.CurrentSolution.GetDocument(documentId)!;
        ImmutableArray<Diagnostic> initial = await FixRunner.AnalyzeAsync(initialDocument);
        ImmutableArray<Diagnostic> initialErrors = await FixRunner.ErrorsAsync(initialDocument.Project);
        int applied = 0;
        for (int round = 0; round < maxRounds; round++)
        {
            int before = applied;
            applied += await OneRoundAsync(workspace, documentId, ruleIds);
            if (applied == before)
            {
                break;
            }
        }

        return await FixRunner.ResultAsync(workspace.CurrentSolution.GetDocument(documentId)!, applied, initial, initialErrors);
    }

    /// <summary>One Fix All per rule id that still has a diagnostic; returns how many were applied.</summary>
    private static async Task<int> OneRoundAsync(AdhocWorkspace workspace, DocumentId documentId, IEnumerable<string> ruleIds)
    {
        int applied = 0;
        foreach (string id in ruleIds)
        {
            foreach (CodeFixProvider provider in Providers.Where(p => p.FixableDiagnosticIds.Contains(id)))
            {
                Document document = workspace.CurrentSolution.GetDocument(documentId)!;
                Diagnostic? first = (await FixRunner.AnalyzeAsync(document)).FirstOrDefault(d => d.Id == id);
                FixAllProvider? fixAll = provider.GetFixAllProvider();
                string? key = first is null ? null : (await ActionsAsync(provider, document, first)).FirstOrDefault()?.EquivalenceKey;
                if (first is null || fixAll is null || key is null)
                {
                    continue;
                }

                var context = new FixAllContext(document, provider, FixAllScope.Document, key, [id], new ProductDiagnostics(), CancellationToken.None);
                CodeAction? action = await fixAll.GetFixAsync(context);
                if (action is null)
                {
                    continue;
                }

                foreach (ApplyChangesOperation apply in (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>())
                {
                    workspace.TryApplyChanges(apply.ChangedSolution);
                }

                applied++;
            }
        }

        return applied;
    }

    private static async Task<List<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    /// <summary>The product analyzers' diagnostics, as Fix All asks for them.</summary>
    private sealed class ProductDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => await FixRunner.AnalyzeAsync(document);

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            var all = new List<Diagnostic>();
            foreach (Document document in project.Documents)
            {
                all.AddRange(await FixRunner.AnalyzeAsync(document));
            }

            return all;
        }

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => GetProjectDiagnosticsAsync(project, cancellationToken);
    }
}
