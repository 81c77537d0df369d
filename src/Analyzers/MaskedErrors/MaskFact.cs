using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.MaskedErrors;

/// <summary>
/// One thing a local may hold: an untested call result, a failure (with where it was seen to fail), or a
/// close result that overwrote a failure (with the first overwriting assignment). Compared by reference
/// of its syntax and operation, which are fixed for the graph.
/// </summary>
internal sealed class MaskFact : IEquatable<MaskFact>
{
    internal static readonly MaskFact Untested = new(MaskFactKind.Untested, null, null);

    private MaskFact(MaskFactKind kind, SyntaxNode? failure, ISimpleAssignmentOperation? overwrite)
    {
        Kind = kind;
        Failure = failure;
        Overwrite = overwrite;
    }

    internal MaskFactKind Kind { get; }

    /// <summary>The failure test or the negative constant's assignment (Failed and Masked).</summary>
    internal SyntaxNode? Failure { get; }

    /// <summary>The first close assignment that overwrote the failure (Masked).</summary>
    internal ISimpleAssignmentOperation? Overwrite { get; }

    internal static MaskFact Failed(SyntaxNode failure) => new(MaskFactKind.Failed, failure, null);

    /// <summary>This failure, overwritten by <paramref name="overwrite"/>.</summary>
    internal MaskFact MaskedBy(ISimpleAssignmentOperation overwrite) => new(MaskFactKind.Masked, Failure, overwrite);

    public bool Equals(MaskFact? other)
        => other is not null && other.Kind == Kind && ReferenceEquals(other.Failure, Failure) && ReferenceEquals(other.Overwrite, Overwrite);

    public override bool Equals(object? obj) => Equals(obj as MaskFact);

    public override int GetHashCode()
        => ((int)Kind * 31) ^ (Failure is null ? 0 : RuntimeHelpers.GetHashCode(Failure)) ^ (Overwrite is null ? 0 : RuntimeHelpers.GetHashCode(Overwrite) * 17);
}
