using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>MSDRM005: a parent closed while children made from it were open and closed later on that path.</summary>
internal sealed class CloseOrderViolation
{
    internal CloseOrderViolation(CloseSite parentClose, ImmutableArray<CreationSite> children, ImmutableArray<string> childNames, ImmutableArray<IInvocationOperation> childCloses)
    {
        ChildCloses = childCloses;
        ParentClose = parentClose;
        Children = children;
        ChildNames = childNames;
    }

    /// <summary>The parent's early close (where the diagnostic goes).</summary>
    internal CloseSite ParentClose { get; }

    /// <summary>The creations of the children still open there, in source order.</summary>
    internal ImmutableArray<CreationSite> Children { get; }

    /// <summary>The variable of each child (or its creating call's text), parallel to <see cref="Children"/>.</summary>
    internal ImmutableArray<string> ChildNames { get; }

    /// <summary>The later closes of the children on the paths found, in source order.</summary>
    internal ImmutableArray<IInvocationOperation> ChildCloses { get; }
}
