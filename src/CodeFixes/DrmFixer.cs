using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MsDrm.Analyzers.ApiModel;
using MsDrm.CodeFixes.Syntax;

namespace MsDrm.CodeFixes;

/// <summary>Everything one rewrite step needs: the current tree, its model and the diagnostic's data.</summary>
internal sealed class FixInput
{
    internal FixInput(Document document, SemanticModel model, SyntaxNode root, InvocationExpressionSyntax invocation, ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
    {
        Document = document;
        Model = model;
        Root = root;
        Invocation = invocation;
        Properties = properties;
        CancellationToken = cancellationToken;
        Recognizer = DrmCallRecognizer.For(model.Compilation);
    }

    internal Document Document { get; }

    internal SemanticModel Model { get; }

    internal SyntaxNode Root { get; }

    /// <summary>The invocation the diagnostic is reported on, in the current tree.</summary>
    internal InvocationExpressionSyntax Invocation { get; }

    internal ImmutableDictionary<string, string?> Properties { get; }

    internal CancellationToken CancellationToken { get; }

    internal DrmCallRecognizer Recognizer { get; }

    internal string Property(string key) => Properties.TryGetValue(key, out string? value) ? value ?? string.Empty : string.Empty;
}

/// <summary>
/// The result of one step: either a final tree, or a normalized tree (an expression body turned
/// into a block, an embedded statement braced) that the fixer plans again on.
/// </summary>
internal sealed class FixStep
{
    private FixStep(SyntaxNode root, bool isFinal, ImmutableDictionary<string, string?>? properties)
    {
        Root = root;
        IsFinal = isFinal;
        Properties = properties;
    }

    internal SyntaxNode Root { get; }

    internal bool IsFinal { get; }

    /// <summary>Properties for the next steps when the normalization changed them (a discard got a name).</summary>
    internal ImmutableDictionary<string, string?>? Properties { get; }

    internal static FixStep Final(SyntaxNode root) => new(root, true, null);

    internal static FixStep Normalized(SyntaxNode root, ImmutableDictionary<string, string?>? properties = null) => new(root, false, properties);
}

/// <summary>One kind of fix (one equivalence key). Steps never throw on odd code: they return null.</summary>
internal abstract class DrmFixer
{
    private const int MaxSteps = 6;

    internal abstract string EquivalenceKey { get; }

    internal abstract string Title(ImmutableDictionary<string, string?> properties);

    /// <summary>One rewrite step, or null when this fix does not apply to the code as it is.</summary>
    internal abstract FixStep? Step(FixInput input);

    /// <summary>Applies the fix to the invocation at <paramref name="span"/>; null when it does not apply.</summary>
    internal async Task<Document?> ApplyAsync(Document document, TextSpan span, ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        InvocationExpressionSyntax? invocation = root is null ? null : Locate(root, span);
        if (root is null || invocation is null)
        {
            return null;
        }

        var marker = new SyntaxAnnotation();
        document = document.WithSyntaxRoot(root.ReplaceNode(invocation, invocation.WithAdditionalAnnotations(marker)));
        return await ApplyAsync(document, marker, properties, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the fix to the invocation carrying <paramref name="marker"/> (Fix All marks them all first).</summary>
    internal async Task<Document?> ApplyAsync(Document document, SyntaxAnnotation marker, ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
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

            FixStep? result;
            try
            {
                result = Step(new FixInput(document, model, root, invocation, properties, cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Code the fixer does not understand (broken or unusual syntax): offer nothing rather than fail.
                return null;
            }

            if (result is null)
            {
                return null;
            }

            document = document.WithSyntaxRoot(result.Root);
            properties = result.Properties ?? properties;
            if (result.IsFinal)
            {
                return await DocumentFinisher.FinishAsync(document, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
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
