using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// A point where the reporting pass saw a handle lost: an overwrite or discard (with its node), or a
/// branch into the exit block with the handle still open (resolved to a statement only when chosen).
/// </summary>
internal readonly struct LostCandidate
{
    internal LostCandidate(int id, int block, LostPointKind kind, SyntaxNode? node, ControlFlowBranch? exit)
    {
        Id = id;
        Block = block;
        Kind = kind;
        Node = node;
        Exit = exit;
    }

    internal int Id { get; }

    /// <summary>The ordinal of the block the handle is lost in (for an exit, the branch's source).</summary>
    internal int Block { get; }

    internal LostPointKind Kind { get; }

    /// <summary>The overwriting operation's or the discard's syntax; null for an exit.</summary>
    internal SyntaxNode? Node { get; }

    /// <summary>The branch into the exit block; null for an overwrite or discard.</summary>
    internal ControlFlowBranch? Exit { get; }
}
