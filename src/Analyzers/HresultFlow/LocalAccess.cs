using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>The first thing an operation does to a local, in evaluation order.</summary>
internal enum LocalAccess
{
    None,
    Read,
    Write,
}

/// <summary>
/// Finds the first access of a local inside one control-flow-graph operation. Only a plain
/// assignment target is a write; every other reference (compound assignment, <c>ref</c>/<c>out</c>
/// argument, increment, deconstruction) counts as a read, so unclear cases never report.
/// </summary>
internal static class LocalAccessScanner
{
    internal static LocalAccess FirstAccess(IOperation? operation, ILocalSymbol local)
    {
        switch (operation)
        {
            case null:
                return LocalAccess.None;

            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                when SymbolEqualityComparer.Default.Equals(target.Local, local):
                // The value is evaluated before the store.
                LocalAccess inValue = FirstAccess(assignment.Value, local);
                return inValue == LocalAccess.None ? LocalAccess.Write : inValue;

            case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                return LocalAccess.Read;

            case IFlowAnonymousFunctionOperation:
                // Lambda bodies run later; captured locals are handled before any flow analysis.
                return LocalAccess.None;

            default:
                foreach (IOperation child in operation.ChildOperations)
                {
                    LocalAccess access = FirstAccess(child, local);
                    if (access != LocalAccess.None)
                    {
                        return access;
                    }
                }

                return LocalAccess.None;
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
