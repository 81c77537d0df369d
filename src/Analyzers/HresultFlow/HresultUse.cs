using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>The use of one HRESULT and, for <see cref="HresultUseKind.StoredInLocals"/>, the locals that receive it.</summary>
internal readonly struct HresultUse
{
    internal HresultUse(HresultUseKind kind, ImmutableArray<ILocalSymbol> locals)
    {
        Kind = kind;
        Locals = locals;
    }

    internal HresultUseKind Kind { get; }

    /// <summary>The locals a chain such as <c>hr = hr2 = call</c> writes (empty for other kinds).</summary>
    internal ImmutableArray<ILocalSymbol> Locals { get; }

    internal static HresultUse Of(HresultUseKind kind) => new(kind, ImmutableArray<ILocalSymbol>.Empty);
}
