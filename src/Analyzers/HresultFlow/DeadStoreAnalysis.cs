using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>
/// Decides on the control flow graph whether a value stored in a local is lost on some path: the
/// local is written again, or the path leaves the method (return, end, throw) or the local's scope,
/// before any read. Paths that end in an unknown way (broken code) count as reads.
/// </summary>
internal static class DeadStoreAnalysis
{
    /// <summary>
    /// True when some path from the store at <paramref name="store"/> drops the stored value. A path
    /// that has taken the failure side of another HRESULT's success test (<paramref name="failureSides"/>)
    /// and then leaves the method reports an error already: it does not count.
    /// </summary>
    internal static bool IsDeadOnSomePath(FlowPosition store, ILocalSymbol local, FailureSides failureSides)
    {
        ControlFlowGraph graph = store.Graph;
        if (CatchHandlerReads(graph, store.Block, local))
        {
            return false;
        }

        // A block explored off the failure side covers every path through it on the failure side too.
        var visited = new HashSet<int>();
        var visitedOnFailure = new HashSet<int>();
        var pending = new Stack<(BasicBlock Block, int Start, bool OnFailure)>();
        pending.Push((store.Block, store.Index + 1, false));

        void Push(BasicBlock next, bool onFailure)
        {
            if (onFailure ? !visited.Contains(next.Ordinal) && visitedOnFailure.Add(next.Ordinal) : visited.Add(next.Ordinal))
            {
                pending.Push((next, 0, onFailure));
            }
        }

        while (pending.Count > 0)
        {
            (BasicBlock block, int start, bool onFailure) = pending.Pop();
            switch (ScanBlock(block, start, local))
            {
                case LocalAccess.Read:
                    continue;
                case LocalAccess.Write:
                    return true;
            }

            if (block.Kind == BasicBlockKind.Exit)
            {
                if (onFailure)
                {
                    continue;
                }

                return true;
            }

            foreach (ControlFlowBranch? branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
            {
                if (branch is null)
                {
                    continue;
                }

                bool failing = onFailure || failureSides.IsFailureSide(block, conditional: branch == block.ConditionalSuccessor);
                switch (Follow(graph, branch, local))
                {
                    case PathEnd.Thrown when failing:
                        break;
                    case PathEnd.Dead or PathEnd.Thrown:
                        return true;
                    case PathEnd.Continues when branch.Destination is { } next:
                        Push(next, failing);
                        break;
                    case PathEnd.AfterFinally when ControlFlowRegions.AfterTryFinally(graph, branch.Source) is { } after:
                        Push(after, failing);
                        break;
                }
            }
        }

        return false;
    }

    private enum PathEnd
    {
        Continues,

        /// <summary>The value is lost without leaving the method (the local's scope ends in a handler).</summary>
        Dead,

        /// <summary>The path leaves the method by an exception.</summary>
        Thrown,
        Read,

        /// <summary>The end of a finally block: flow goes on after the try statement (its normal exit).</summary>
        AfterFinally,
    }

    private static LocalAccess ScanBlock(BasicBlock block, int start, ILocalSymbol local)
    {
        for (int i = start; i < block.Operations.Length; i++)
        {
            LocalAccess access = LocalAccessScanner.FirstAccess(block.Operations[i], local);
            if (access != LocalAccess.None)
            {
                return access;
            }
        }

        return LocalAccessScanner.FirstAccess(block.BranchValue, local);
    }

    /// <summary>What following one branch means for the stored value.</summary>
    private static PathEnd Follow(ControlFlowGraph graph, ControlFlowBranch branch, ILocalSymbol local)
    {
        // Finally blocks run on the way; a read there (before the destination) keeps the value alive.
        foreach (ControlFlowRegion finallyRegion in branch.FinallyRegions)
        {
            if (LocalAccessScanner.RegionReads(graph, finallyRegion, local))
            {
                return PathEnd.Read;
            }
        }

        switch (branch.Semantics)
        {
            case ControlFlowBranchSemantics.Regular:
            case ControlFlowBranchSemantics.Return:
                return branch.Destination is null ? PathEnd.Read : PathEnd.Continues;
            case ControlFlowBranchSemantics.Throw:
            case ControlFlowBranchSemantics.Rethrow:
            case ControlFlowBranchSemantics.ProgramTermination:
                return PathEnd.Thrown;
            case ControlFlowBranchSemantics.StructuredExceptionHandling:
                // The end of a finally or filter: the value is lost if the local's scope ends here;
                // after a finally, flow is followed at the try statement's normal exit (jumps out of
                // the try, which may go elsewhere, are not followed); a filter's end is not guessed.
                ControlFlowRegion handler = ControlFlowRegions.HandlerRegion(branch.Source.EnclosingRegion);
                if (ControlFlowRegions.IsDeclaredWithin(handler, local))
                {
                    return PathEnd.Dead;
                }

                return handler.Kind == ControlFlowRegionKind.Finally ? PathEnd.AfterFinally : PathEnd.Read;
            default:
                // Error (broken code) and anything new: do not guess.
                return PathEnd.Read;
        }
    }

    /// <summary>True when a catch or filter that handles the store's try block reads the local.</summary>
    private static bool CatchHandlerReads(ControlFlowGraph graph, BasicBlock storeBlock, ILocalSymbol local)
    {
        foreach (ControlFlowRegion handler in ControlFlowRegions.HandlersGuarding(storeBlock))
        {
            if (LocalAccessScanner.RegionReads(graph, handler, local))
            {
                return true;
            }
        }

        return false;
    }
}
