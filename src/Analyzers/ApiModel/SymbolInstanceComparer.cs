using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.ApiModel;

/// <summary>
/// Compares method symbols as objects, for the recognizer's cache of definitions: a definition is
/// one object per compilation, so comparing objects is exact there and costs no symbol walk.
/// </summary>
internal sealed class SymbolInstanceComparer : IEqualityComparer<IMethodSymbol>
{
    internal static readonly SymbolInstanceComparer Instance = new();

    public bool Equals(IMethodSymbol? x, IMethodSymbol? y) => ReferenceEquals(x, y);

    public int GetHashCode(IMethodSymbol obj) => RuntimeHelpers.GetHashCode(obj);
}
