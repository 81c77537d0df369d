using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Ref locals (<c>ref uint alias = ref copy;</c>) name the variable they refer to. A ref local bound
/// once to a plain local or parameter is an alias of it: reads, writes and <c>out alias</c> act on
/// that variable. Any other ref binding (reassigned with <c>= ref</c>, conditional refs, refs to refs)
/// makes the variables it may refer to untrackable, as if captured: handles in them escape.
/// </summary>
internal sealed class RefAliases
{
    private readonly Dictionary<ILocalSymbol, ISymbol> aliases = new(SymbolEqualityComparer.Default);

    private RefAliases()
    {
    }

    /// <summary>No ref locals at all.</summary>
    internal static RefAliases Empty { get; } = new();

    /// <summary>The variable a ref local stands for, or the symbol itself.</summary>
    internal ISymbol Resolve(ILocalSymbol local)
        => local.RefKind != RefKind.None && aliases.TryGetValue(local, out ISymbol? target) ? target : local;

    /// <summary>Finds the ref bindings under <paramref name="root"/>; adds unresolvable targets to <paramref name="untrackable"/>.</summary>
    internal static RefAliases Collect(IOperation root, ISet<ISymbol> untrackable)
    {
        RefAliases? result = null;
        var rebound = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (IOperation operation in OperationWalker.DescendantsAndSelf(root))
        {
            (ILocalSymbol? refLocal, IOperation? value) = operation switch
            {
                IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None, Initializer: { } initializer } declarator
                    => (declarator.Symbol, initializer.Value),
                ISimpleAssignmentOperation { IsRef: true, Target: ILocalReferenceOperation target } assignment
                    => (target.Local, assignment.Value),
                _ => (null, null),
            };
            if (refLocal is null || value is null)
            {
                continue;
            }

            result ??= new RefAliases();
            if (PlainVariable(value) is { } variable && !result.aliases.ContainsKey(refLocal) && !rebound.Contains(refLocal))
            {
                result.aliases.Add(refLocal, variable);
                continue;
            }

            // Rebound or not a plain variable: whatever it may refer to is out of reach.
            rebound.Add(refLocal);
            if (result.aliases.TryGetValue(refLocal, out ISymbol? earlier))
            {
                untrackable.Add(earlier);
                result.aliases.Remove(refLocal);
            }

            untrackable.Add(refLocal);
            foreach (IOperation reference in OperationWalker.DescendantsAndSelf(value))
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

        return result ?? Empty;
    }

    private static ISymbol? PlainVariable(IOperation value) => value switch
    {
        ILocalReferenceOperation { Local: { RefKind: RefKind.None } local } => local,
        IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter } => parameter,
        _ => null,
    };
}
