using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.ApiModel;

/// <summary>
/// Compares method symbols as objects. Only for a cache in front of one keyed by
/// <see cref="SymbolEqualityComparer"/>: two objects for the same symbol are two entries with the
/// same answer, never a wrong one.
/// </summary>
internal sealed class SymbolInstanceComparer : IEqualityComparer<IMethodSymbol>
{
    internal static readonly SymbolInstanceComparer Instance = new();

    public bool Equals(IMethodSymbol? x, IMethodSymbol? y) => ReferenceEquals(x, y);

    public int GetHashCode(IMethodSymbol obj) => RuntimeHelpers.GetHashCode(obj);
}
