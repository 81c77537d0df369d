using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MsDrm.CodeFixes;

/// <summary>
/// Fix All for fixes that interact (several handles in one method nest their blocks): marks every
/// diagnostic's invocation first, then applies the fixes one by one, each on the tree the previous
/// one produced, so no edit is lost the way merged text changes would lose it. Each diagnostic gets
/// the fix kind the user picked when it applies to it, else the first fix that does.
/// </summary>
internal static class SequentialFixAllProvider
{
    internal static FixAllProvider Create(IReadOnlyList<DrmFixer> fixers)
        => FixAllProvider.Create(
            (context, document, diagnostics) => FixDocumentAsync(context.CodeActionEquivalenceKey, fixers, document, diagnostics, context.CancellationToken),
            ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

    /// <summary>Fixes every diagnostic of one document; returns the document unchanged when none applies.</summary>
    internal static async Task<Document?> FixDocumentAsync(string? equivalenceKey, IReadOnlyList<DrmFixer> fixers, Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || diagnostics.IsEmpty)
        {
            return document;
        }

        // One marker per diagnostic; a call can carry several (two created handles, MSDRM001 and MSDRM002).
        var marked = new List<(Diagnostic Diagnostic, SyntaxAnnotation Marker)>();
        var markers = new Dictionary<InvocationExpressionSyntax, List<SyntaxAnnotation>>();
        foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Location.IsInSource).OrderBy(d => d.Location.SourceSpan.Start))
        {
            InvocationExpressionSyntax? invocation = DrmFixer.Locate(root, diagnostic.Location.SourceSpan);
            if (invocation is null)
            {
                continue;
            }

            var marker = new SyntaxAnnotation();
            marked.Add((diagnostic, marker));
            if (!markers.TryGetValue(invocation, out var list))
            {
                markers[invocation] = list = new List<SyntaxAnnotation>();
            }

            list.Add(marker);
        }

        document = document.WithSyntaxRoot(root.ReplaceNodes(markers.Keys, (original, _) => original.WithAdditionalAnnotations(markers[original])));
        var ordered = fixers.OrderBy(f => f.EquivalenceKey == equivalenceKey ? 0 : 1).ToList();
        foreach ((Diagnostic diagnostic, SyntaxAnnotation marker) in marked)
        {
            foreach (DrmFixer fixer in ordered)
            {
                Document? fixedDocument = await fixer.ApplyAsync(document, marker, LeakFacts.From(diagnostic.Properties), cancellationToken).ConfigureAwait(false);
                if (fixedDocument is not null)
                {
                    document = fixedDocument;
                    break;
                }
            }
        }

        return document;
    }
}
