using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>
/// Finds the first access of a local inside one control-flow-graph operation. Only a plain
/// assignment target or an <c>out</c> argument is a write; every other reference (compound
/// assignment, <c>ref</c> argument, increment, deconstruction) counts as a read, so unclear cases
/// never report.
/// </summary>
internal static class LocalAccessScanner
{
    internal static LocalAccess FirstAccess(IOperation? operation, ILocalSymbol local)
    {
        if (operation is null)
        {
            return LocalAccess.None;
        }

        // Iterative pre-order walk (deep expression trees must not exhaust the stack). A null entry
        // marks the point where an assignment (or a call's out argument) stores, after its inputs
        // were evaluated.
        var pending = new Stack<IOperation?>();
        pending.Push(operation);
        while (pending.Count > 0)
        {
            IOperation? current = pending.Pop();
            switch (current)
            {
                case null:
                    return LocalAccess.Write;

                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    pending.Push(null);
                    pending.Push(assignment.Value);
                    break;

                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    return LocalAccess.Read;

                case IArgumentOperation argument when OutArgument.Writes(argument, local):
                    // Not a read: the call that owns it stores (its marker was pushed below).
                    break;

                case IFlowAnonymousFunctionOperation:
                    // Lambda bodies run later; captured locals are handled before any flow analysis.
                    break;

                default:
                    if (OutArgument.CallWrites(current, local))
                    {
                        // The out write lands when the call runs, after all its arguments are read.
                        pending.Push(null);
                    }

                    PushChildrenInReverse(pending, current);
                    break;
            }
        }

        return LocalAccess.None;
    }

    private static void PushChildrenInReverse(Stack<IOperation?> pending, IOperation operation)
    {
        foreach (IOperation child in operation.ChildOperations.Reverse())
        {
            pending.Push(child);
        }
    }

    /// <summary>True when any operation of the blocks in <paramref name="region"/> reads <paramref name="local"/>.</summary>
    internal static bool RegionReads(ControlFlowGraph graph, ControlFlowRegion region, ILocalSymbol local)
    {
        for (int ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
        {
            BasicBlock block = graph.Blocks[ordinal];
            foreach (IOperation operation in block.Operations)
            {
                if (Reads(operation, local))
                {
                    return true;
                }
            }

            if (Reads(block.BranchValue, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Reads(IOperation? operation, ILocalSymbol local)
    {
        if (operation is null)
        {
            return false;
        }

        foreach (IOperation descendant in operation.DescendantsAndSelf())
        {
            if (descendant is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && !(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
            {
                return true;
            }
        }

        return false;
    }
}
