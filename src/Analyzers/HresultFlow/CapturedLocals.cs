using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>
/// Which function (method body, lambda or local function) references each local of an operation
/// tree, built in one walk. A local shared between functions can be read through the capture at any
/// time, so a store into it is never a dead store. The same walk records locals whose reference is
/// handed out (<see cref="RefExposure"/>): those too can be read where the flow analysis cannot see.
/// </summary>
internal sealed class CapturedLocals
{
    private static readonly object MethodBody = new();
    private static readonly object SeveralFunctions = new();

    private readonly Dictionary<ILocalSymbol, object> functionOf = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> refExposed = new(SymbolEqualityComparer.Default);

    internal CapturedLocals(IOperation root)
    {
        foreach (IOperation descendant in root.DescendantsAndSelf())
        {
            if (descendant is ILocalReferenceOperation reference)
            {
                object function = EnclosingFunction(reference);
                functionOf[reference.Local] = functionOf.TryGetValue(reference.Local, out object? known) && known != function
                    ? SeveralFunctions
                    : function;
                if (RefExposure.ExposesReference(reference))
                {
                    refExposed.Add(reference.Local);
                }
            }
        }
    }

    /// <summary>
    /// True when <paramref name="local"/> is referenced in a different function than the store
    /// at <paramref name="store"/>.
    /// </summary>
    internal bool IsSharedWithOtherFunction(IOperation store, ILocalSymbol local)
        => functionOf.TryGetValue(local, out object? function) && function != EnclosingFunction(store);

    /// <summary>True when a ref alias, an address or a kept reference to <paramref name="local"/> exists anywhere.</summary>
    internal bool IsRefExposed(ILocalSymbol local) => refExposed.Contains(local);

    /// <summary>The nearest lambda or local function around an operation, or a marker for the method body.</summary>
    private static object EnclosingFunction(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return MethodBody;
    }
}
