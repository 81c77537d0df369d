using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.FlowInfrastructure;

/// <summary>
/// What one walk over a body learns about its variables that a control flow graph does not show:
/// which are used by more than one function (lambdas and local functions capture them), which hand
/// out a lasting reference (<see cref="RefExposure"/>), and which ref locals are plain aliases.
/// Built once per body and shared by every rule.
/// </summary>
/// <remarks>
/// Ref locals (<c>ref uint alias = ref copy;</c>) bound once to a plain local or parameter are
/// aliases of it. Any other ref binding (rebound with <c>= ref</c>, conditional refs, refs to refs)
/// makes the variables it may refer to untrackable, as if captured.
/// </remarks>
internal sealed class VariableSharing
{
    private static readonly object MethodBody = new();
    private static readonly object SeveralFunctions = new();

    private readonly HashSet<ISymbol> untrackable = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, object> functionOf = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> refExposed = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, ISymbol> aliases = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> rebound = new(SymbolEqualityComparer.Default);

    private VariableSharing()
    {
    }

    /// <summary>Walks the body under <paramref name="root"/> once (iteratively: bodies can nest deeper than the stack allows).</summary>
    internal static VariableSharing Of(IOperation root)
    {
        var sharing = new VariableSharing();
        var pending = new Stack<(IOperation Operation, IMethodSymbol? Function, IOperation? FunctionOperation)>();
        pending.Push((root, null, null));
        while (pending.Count > 0)
        {
            (IOperation operation, IMethodSymbol? function, IOperation? functionOperation) = pending.Pop();
            switch (operation)
            {
                case IAnonymousFunctionOperation lambda:
                    (function, functionOperation) = (lambda.Symbol, lambda);
                    sharing.HasLambdas = true;
                    break;
                case ILocalFunctionOperation localFunction:
                    (function, functionOperation) = (localFunction.Symbol, localFunction);
                    break;
                case ILocalReferenceOperation local:
                    sharing.NoteLocal(local, function, functionOperation ?? MethodBody);
                    break;
                case IParameterReferenceOperation parameter when function is not null && !IsDeclaredIn(parameter.Parameter, function):
                    sharing.untrackable.Add(parameter.Parameter);
                    break;
                case IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None, Initializer: { } initializer } declarator:
                    sharing.NoteRefBinding(declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { IsRef: true, Target: ILocalReferenceOperation target } assignment:
                    sharing.NoteRefBinding(target.Local, assignment.Value);
                    break;
                case IVariableDeclaratorOperation { Symbol.Type: IPointerTypeSymbol, Initializer: { } pinned } pointer when IsFixedDeclarator(pointer):
                    sharing.NotePinnedAddress(pointer.Symbol, pinned.Value);
                    break;
            }

            // Children in reverse so they come off the stack in source order (ref bindings depend on it).
            // The struct list's own reverse enumerator: no copy, no boxing, on every node of the body.
            foreach (IOperation child in operation.ChildOperations.Reverse())
            {
                pending.Push((child, function, functionOperation));
            }
        }

        return sharing;
    }

    /// <summary>True when the body holds a lambda or anonymous method (which has a graph of its own).</summary>
    internal bool HasLambdas { get; private set; }

    /// <summary>
    /// A variable the handle flow cannot follow: captured by a nested function, or behind a ref local
    /// that is not a plain alias. Handles stored in it escape.
    /// </summary>
    internal bool IsUntrackable(ISymbol variable) => untrackable.Contains(variable);

    /// <summary>The variable a ref local (or a <c>fixed</c> pointer to it) stands for, or the local itself.</summary>
    internal ISymbol ResolveAlias(ILocalSymbol local)
        => aliases.Count > 0 && aliases.TryGetValue(local, out ISymbol? target) ? target : local;

    /// <summary>True when <paramref name="local"/> is referenced in another function than the one holding <paramref name="store"/>.</summary>
    internal bool IsSharedWithOtherFunction(IOperation store, ILocalSymbol local)
        => functionOf.TryGetValue(local, out object? function) && function != EnclosingFunction(store);

    /// <summary>True when a ref alias, an address or a kept reference to <paramref name="local"/> exists anywhere.</summary>
    internal bool IsRefExposed(ILocalSymbol local) => refExposed.Contains(local);

    private void NoteLocal(ILocalReferenceOperation reference, IMethodSymbol? function, object functionKey)
    {
        ILocalSymbol local = reference.Local;
        if (function is not null && !IsDeclaredIn(local, function))
        {
            untrackable.Add(local);
        }

        if (!functionOf.TryGetValue(local, out object? known))
        {
            functionOf.Add(local, functionKey);
        }
        else if (known != functionKey && known != SeveralFunctions)
        {
            functionOf[local] = SeveralFunctions;
        }

        if (RefExposure.ExposesReference(reference))
        {
            refExposed.Add(local);
        }
    }

    private void NoteRefBinding(ILocalSymbol refLocal, IOperation value)
    {
        if (PlainVariable(value) is { } variable && !aliases.ContainsKey(refLocal) && !rebound.Contains(refLocal))
        {
            aliases.Add(refLocal, variable);
            return;
        }

        // Rebound or not a plain variable: whatever it may refer to is out of reach.
        rebound.Add(refLocal);
        if (aliases.TryGetValue(refLocal, out ISymbol? earlier))
        {
            untrackable.Add(earlier);
            aliases.Remove(refLocal);
        }

        untrackable.Add(refLocal);
        foreach (IOperation reference in value.DescendantsAndSelf())
        {
            if (reference is ILocalReferenceOperation local)
            {
                untrackable.Add(local.Local);
            }
            else if (reference is IParameterReferenceOperation parameter)
            {
                untrackable.Add(parameter.Parameter);
            }
        }
    }

    /// <summary>
    /// <c>fixed (uint* p = &amp;h)</c>: a fixed pointer cannot be reassigned, so passing <c>p</c> where
    /// a handle is created writes <c>h</c> (CsWin32's friendly overloads call their pointer import so).
    /// </summary>
    private void NotePinnedAddress(ILocalSymbol pointer, IOperation value)
    {
        // The initializer's conversion to the pointer type shows up as an operation without a kind.
        while (value is { Kind: OperationKind.None } && value.ChildOperations.Count == 1)
        {
            value = value.ChildOperations.First();
        }

        ISymbol? variable = value is IAddressOfOperation { Reference: var reference }
            ? reference switch
            {
                ILocalReferenceOperation { Local: { RefKind: RefKind.None } local } => local,
                IParameterReferenceOperation { Parameter: var parameter } => parameter,
                _ => null,
            }
            : null;
        if (variable is not null)
        {
            aliases[pointer] = variable;
        }
        else
        {
            // Pinned field, array element or string: what is created through it is stored there.
            untrackable.Add(pointer);
        }
    }

    /// <summary>A declarator of a <c>fixed</c> statement (which the operation tree shows as a kindless node).</summary>
    private static bool IsFixedDeclarator(IVariableDeclaratorOperation declarator)
        => declarator.Parent?.Parent is { Parent: { Kind: OperationKind.None } statement }
            && statement.ChildOperations.Count > 0 && statement.ChildOperations.First() == declarator.Parent.Parent;

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

    private static bool IsDeclaredIn(ISymbol symbol, IMethodSymbol function)
        => SymbolEqualityComparer.Default.Equals(symbol.ContainingSymbol, function);

    private static ISymbol? PlainVariable(IOperation value) => value switch
    {
        ILocalReferenceOperation { Local: { RefKind: RefKind.None } local } => local,
        IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter } => parameter,
        _ => null,
    };
}
