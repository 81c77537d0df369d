using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MsDrm.CodeFixes.Syntax;

namespace MsDrm.CodeFixes;

/// <summary>One kind of fix (one equivalence key). Steps never throw on odd code: they return null.</summary>
internal abstract class DrmFixer
{
    private const int MaxSteps = 6;

    internal abstract string EquivalenceKey { get; }

    internal abstract string Title(LeakFacts facts);

    /// <summary>One rewrite step, or null when this fix does not apply to the code as it is.</summary>
    internal abstract FixStep? Step(FixInput input);

    /// <summary>
    /// The check done when the light bulb opens: the first step planned on the document as it is
    /// (its semantic model is already there), without building the changed document, reformatting
    /// or planning the later steps. The edit itself is computed when the user picks the action.
    /// </summary>
    internal async Task<bool> IsOfferedAsync(Document document, TextSpan span, LeakFacts facts, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        InvocationExpressionSyntax? invocation = root is null ? null : Locate(root, span);
        if (root is null || invocation is null)
        {
            return false;
        }

        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is not null && TryStep(new FixInput(document, model, root, invocation, facts, cancellationToken)) is not null;
    }

    /// <summary>Applies the fix to the invocation at <paramref name="span"/>; null when it does not apply.</summary>
    internal async Task<Document?> ApplyAsync(Document document, TextSpan span, LeakFacts facts, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        InvocationExpressionSyntax? invocation = root is null ? null : Locate(root, span);
        if (root is null || invocation is null)
        {
            return null;
        }

        var marker = new SyntaxAnnotation();
        document = document.WithSyntaxRoot(root.ReplaceNode(invocation, invocation.WithAdditionalAnnotations(marker)));
        return await ApplyAsync(document, marker, facts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the fix to the invocation carrying <paramref name="marker"/> (Fix All marks them all first).</summary>
    internal async Task<Document?> ApplyAsync(Document document, SyntaxAnnotation marker, LeakFacts facts, CancellationToken cancellationToken)
    {
        for (int step = 0; step < MaxSteps; step++)
        {
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var invocation = root?.GetAnnotatedNodes(marker).OfType<InvocationExpressionSyntax>().FirstOrDefault();
            if (root is null || model is null || invocation is null)
            {
                return null;
            }

            FixStep? result = TryStep(new FixInput(document, model, root, invocation, facts, cancellationToken));
            if (result is null)
            {
                return null;
            }

            document = document.WithSyntaxRoot(result.Root);
            facts = result.Facts ?? facts;
            if (result.IsFinal)
            {
                return await DocumentFinisher.FinishAsync(document, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    private FixStep? TryStep(FixInput input)
    {
        try
        {
            return Step(input);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Code the fixer does not understand (broken or unusual syntax): offer nothing rather than fail.
            return null;
        }
    }

    /// <summary>The invocation a diagnostic span covers.</summary>
    internal static InvocationExpressionSyntax? Locate(SyntaxNode root, TextSpan span)
    {
        if (!root.FullSpan.Contains(span))
        {
            return null;
        }

        SyntaxNode node = root.FindNode(span, getInnermostNodeForTie: true);
        return node as InvocationExpressionSyntax
            ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>()
            ?? node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => span.Contains(i.Span));
    }
}
