using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Compares the keys the flow state is indexed by: symbols (locals, parameters) by symbol
/// equality, flow-capture ids by value, and operations (a creating call whose HRESULT is tested
/// directly) by reference.
/// </summary>
internal sealed class FlowKeyComparer : IEqualityComparer<object>
{
    internal static readonly FlowKeyComparer Instance = new();

    public new bool Equals(object? x, object? y)
    {
        if (x is ISymbol xs)
        {
            return y is ISymbol ys && SymbolEqualityComparer.Default.Equals(xs, ys);
        }

        if (x is IOperation)
        {
            return ReferenceEquals(x, y);
        }

        return object.Equals(x, y);
    }

    public int GetHashCode(object obj) => obj switch
    {
        ISymbol symbol => SymbolEqualityComparer.Default.GetHashCode(symbol),
        IOperation operation => RuntimeHelpers.GetHashCode(operation),
        _ => obj.GetHashCode(),
    };
}
