using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MsDrm.CodeFixes.Imports;

/// <summary>
/// Fix All for MSDRM007, sequential like <see cref="SequentialFixAllProvider"/> (which is built around
/// invocations): marks every reported declaration first, then applies the picked fix kind (or every kind) to each in
/// turn on the tree the previous one produced, re-checking callers after each signature change.
/// </summary>
internal static class ImportFixAllProvider
{
    internal static FixAllProvider Instance { get; } = FixAllProvider.Create(
        (context, document, diagnostics) => FixDocumentAsync(context.CodeActionEquivalenceKey, document, diagnostics, context.CancellationToken),
        ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

    internal static async Task<Document?> FixDocumentAsync(string? equivalenceKey, Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        IReadOnlyList<ImportFixer> fixers = equivalenceKey == ImportFixKinds.EveryMismatch
            ? ImportFixRunner.Fixers
            : ImportFixRunner.Fixers.Where(f => f.EquivalenceKey == equivalenceKey).ToList();
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (fixers.Count == 0 || root is null)
        {
            return document;
        }

        var markers = new Dictionary<MethodDeclarationSyntax, SyntaxAnnotation>();
        foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Location.IsInSource).OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (ImportFixRunner.Locate(root, diagnostic.Location.SourceSpan) is { } declaration && !markers.ContainsKey(declaration))
            {
                markers.Add(declaration, new SyntaxAnnotation());
            }
        }

        document = document.WithSyntaxRoot(root.ReplaceNodes(markers.Keys, (original, _) => original.WithAdditionalAnnotations(markers[original])));
        foreach (SyntaxAnnotation marker in markers.Values)
        {
            foreach (ImportFixer fixer in fixers)
            {
                document = await ApplyAsync(document, fixer, marker, cancellationToken).ConfigureAwait(false);
            }
        }

        return document;
    }

    /// <summary>One fix kind on the marked declaration; the document unchanged when it does not apply.</summary>
    private static async Task<Document> ApplyAsync(Document document, ImportFixer fixer, SyntaxAnnotation marker, CancellationToken cancellationToken)
    {
        var result = await ImportFixRunner.ApplyAsync(
            document,
            fixer,
            current => current.GetAnnotatedNodes(marker).OfType<MethodDeclarationSyntax>().FirstOrDefault(),
            cancellationToken).ConfigureAwait(false);
        return result?.Document ?? document;
    }
}
