using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>
/// Finds locals shared between a function and the lambdas or local functions inside or around it.
/// A read through a capture can happen at any time, so such a store is never a dead store.
/// </summary>
internal static class CapturedLocals
{
    /// <summary>
    /// True when <paramref name="local"/> is referenced in a different function (lambda, local
    /// function or the enclosing body) than the store at <paramref name="store"/>.
    /// </summary>
    internal static bool IsSharedWithOtherFunction(IOperation root, IOperation store, ILocalSymbol local)
    {
        IOperation? storeFunction = EnclosingFunction(store);
        foreach (IOperation descendant in root.DescendantsAndSelf())
        {
            if (descendant is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && EnclosingFunction(reference) != storeFunction)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The nearest lambda or local function around an operation, or null for the method body itself.</summary>
    private static IOperation? EnclosingFunction(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }
}
