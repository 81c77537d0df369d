using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Finds the locals and parameters referenced inside a lambda or local function other than the
/// one that declares them: a handle in such a variable is captured, so it escapes.
/// </summary>
internal static class CapturedVariables
{
    internal static HashSet<ISymbol> Collect(IEnumerable<IOperation> roots)
    {
        var captured = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (IOperation root in roots)
        {
            Visit(root, captured);
        }

        return captured;
    }

    private static void Visit(IOperation root, HashSet<ISymbol> captured)
    {
        // Iterative: generated or machine-written bodies can nest deeper than the stack allows.
        var pending = new Stack<(IOperation Operation, IMethodSymbol? Function)>();
        pending.Push((root, null));
        while (pending.Count > 0)
        {
            (IOperation operation, IMethodSymbol? function) = pending.Pop();
            switch (operation)
            {
                case IAnonymousFunctionOperation lambda:
                    function = lambda.Symbol;
                    break;
                case ILocalFunctionOperation localFunction:
                    function = localFunction.Symbol;
                    break;
                case ILocalReferenceOperation local when function is not null && !IsDeclaredIn(local.Local, function):
                    captured.Add(local.Local);
                    break;
                case IParameterReferenceOperation parameter when function is not null && !IsDeclaredIn(parameter.Parameter, function):
                    captured.Add(parameter.Parameter);
                    break;
            }

            foreach (IOperation child in operation.ChildOperations)
            {
                pending.Push((child, function));
            }
        }
    }

    private static bool IsDeclaredIn(ISymbol symbol, IMethodSymbol function)
        => SymbolEqualityComparer.Default.Equals(symbol.ContainingSymbol, function);
}
