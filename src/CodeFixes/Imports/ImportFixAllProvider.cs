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
/// invocations): marks every reported declaration first, then applies the picked fix kind to each in
/// turn on the tree the previous one produced, re-checking callers after each signature change.
/// </summary>
internal static class ImportFixAllProvider
{
    internal static FixAllProvider Instance { get; } = FixAllProvider.Create(
        (context, document, diagnostics) => FixDocumentAsync(context.CodeActionEquivalenceKey, document, diagnostics, context.CancellationToken),
        ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

    internal static async Task<Document?> FixDocumentAsync(string? equivalenceKey, Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        ImportFixer? fixer = ImportFixRunner.Fixers.FirstOrDefault(f => f.EquivalenceKey == equivalenceKey);
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (fixer is null || root is null)
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
            var result = await ImportFixRunner.ApplyAsync(
                document,
                fixer,
                current => current.GetAnnotatedNodes(marker).OfType<MethodDeclarationSyntax>().FirstOrDefault(),
                cancellationToken).ConfigureAwait(false);
            if (result is { } applied)
            {
                document = applied.Document;
            }
        }

        return document;
    }
}
