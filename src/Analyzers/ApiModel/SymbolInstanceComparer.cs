using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.ApiModel;

/// <summary>
/// Compares method symbols as objects, for the recognizer's cache: a definition is one object per
/// compilation, and two objects for the same symbol are two entries with the same answer, never a
/// wrong one.
/// </summary>
internal sealed class SymbolInstanceComparer : IEqualityComparer<IMethodSymbol>
{
    internal static readonly SymbolInstanceComparer Instance = new();

    public bool Equals(IMethodSymbol? x, IMethodSymbol? y) => ReferenceEquals(x, y);

    public int GetHashCode(IMethodSymbol obj) => RuntimeHelpers.GetHashCode(obj);
}
