using Microsoft.CodeAnalysis;

namespace MsDrm.CodeFixes;

/// <summary>
/// The result of one step: either a final tree, or a normalized tree (an expression body turned
/// into a block, an embedded statement braced) that the fixer plans again on.
/// </summary>
internal sealed class FixStep
{
    private FixStep(SyntaxNode root, bool isFinal, LeakFacts? facts)
    {
        Root = root;
        IsFinal = isFinal;
        Facts = facts;
    }

    internal SyntaxNode Root { get; }

    internal bool IsFinal { get; }

    /// <summary>Facts for the next steps when the normalization changed them (a discard got a name).</summary>
    internal LeakFacts? Facts { get; }

    internal static FixStep Final(SyntaxNode root) => new(root, true, null);

    internal static FixStep Normalized(SyntaxNode root, LeakFacts? facts = null) => new(root, false, facts);
}
