using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>
/// Which function (method body, lambda or local function) references each local of an operation
/// tree, built in one walk. A local shared between functions can be read through the capture at any
/// time, so a store into it is never a dead store.
/// </summary>
internal sealed class CapturedLocals
{
    private static readonly object MethodBody = new();
    private static readonly object SeveralFunctions = new();

    private readonly Dictionary<ILocalSymbol, object> functionOf = new(SymbolEqualityComparer.Default);

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
            }
        }
    }

    /// <summary>
    /// True when <paramref name="local"/> is referenced in a different function than the store
    /// at <paramref name="store"/>.
    /// </summary>
    internal bool IsSharedWithOtherFunction(IOperation store, ILocalSymbol local)
        => functionOf.TryGetValue(local, out object? function) && function != EnclosingFunction(store);

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
