using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Runs the transfer function over one control flow graph to a fixpoint (worklist in block order),
/// then walks every reached block once more with reporting on. Exceptional edges are ignored;
/// a finally region is run inline on each normal branch that leaves through it, so what it closes
/// is closed on that path only; catch handlers start from an empty state (they are reached only by
/// exceptions, which this rule does not count, but what they create is still checked).
/// </summary>
internal sealed class FlowSolver
{
    private readonly ControlFlowGraph graph;
    private readonly HandleFlowContext context;
    private readonly int maxVisits;
    private readonly bool[] creates;

    internal FlowSolver(ControlFlowGraph graph, HandleFlowContext context)
    {
        this.graph = graph;
        this.context = context;

        // The lattice is finite so the fixpoint is reached anyway; this only bounds pathological graphs.
        maxVisits = Math.Max(1000, graph.Blocks.Length * 64);
        creates = FindCreatingBlocks(graph, context);
    }

    /// <summary>Analyses the whole graph and reports every creation still live at its exit.</summary>
    internal void Run()
    {
        var seeds = new List<int>();
        CollectHandlerEntries(graph.Root, seeds);
        FlowState? atExit = Solve(0, FlowState.Empty(context.Keys), seeds, isFinally: false, report: true);
        if (atExit is not null)
        {
            foreach (int id in atExit.Live)
            {
                context.ReportLeak(id);
            }
        }
    }

    /// <summary>
    /// Solves the blocks reachable from <paramref name="entry"/>; returns the join of the states at
    /// the end (the exit block, or the end of a finally region), null when the end is unreachable.
    /// </summary>
    private FlowState? Solve(int entry, FlowState entryState, List<int>? seeds, bool isFinally, bool report)
    {
        var inStates = new Dictionary<int, FlowState> { [entry] = entryState };
        var queue = new SortedSet<int> { entry };
        if (seeds is not null)
        {
            foreach (int seed in seeds)
            {
                if (!inStates.ContainsKey(seed))
                {
                    inStates[seed] = FlowState.Empty(context.Keys);
                    queue.Add(seed);
                }
            }
        }

        FlowState? end = null;
        int visits = 0;
        while (queue.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (++visits > maxVisits)
            {
                return null;
            }

            int ordinal = queue.Min;
            queue.Remove(ordinal);
            Process(graph.Blocks[ordinal], inStates[ordinal].Clone(), isFinally, report: false,
                (destination, state) =>
                {
                    if (!inStates.TryGetValue(destination, out FlowState? existing))
                    {
                        inStates[destination] = state;
                        queue.Add(destination);
                    }
                    else if (existing.JoinWith(state))
                    {
                        queue.Add(destination);
                    }
                },
                state => end = Join(end, state));
        }

        if (report)
        {
            foreach (KeyValuePair<int, FlowState> pair in inStates)
            {
                Process(graph.Blocks[pair.Key], pair.Value.Clone(), isFinally, report: true, (_, _) => { }, _ => { });
            }
        }

        return end;
    }

    private void Process(BasicBlock block, FlowState state, bool isFinally, bool report, Action<int, FlowState> flowTo, Action<FlowState> reachEnd)
    {
        if (state.LiveCount == 0 && !creates[block.Ordinal] && block.Kind != BasicBlockKind.Exit)
        {
            // Nothing open and nothing created here: the block cannot change the state (fast path).
            Follow(block.FallThroughSuccessor, state, isFinally, report, flowTo, reachEnd);
            Follow(block.ConditionalSuccessor, FlowState.Empty(context.Keys), isFinally, report, flowTo, reachEnd);
            return;
        }

        var transfer = new HandleTransfer(context, state, report);
        foreach (IOperation operation in block.Operations)
        {
            transfer.Eval(operation);
        }

        if (block.Kind == BasicBlockKind.Exit)
        {
            if (!isFinally)
            {
                reachEnd(state);
            }

            return;
        }

        if (block.BranchValue is { } branchValue)
        {
            if (block.ConditionKind == ControlFlowConditionKind.None
                && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                transfer.EvalReturned(branchValue);
            }
            else
            {
                transfer.Eval(branchValue);
            }
        }

        if (block.ConditionKind == ControlFlowConditionKind.None || block.BranchValue is null)
        {
            Follow(block.FallThroughSuccessor, state, isFinally, report, flowTo, reachEnd);
            return;
        }

        bool conditionalWhenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        FlowState conditional = state.Clone();
        new HandleTransfer(context, conditional, report).Refine(block.BranchValue, conditionalWhenTrue);
        Follow(block.ConditionalSuccessor, conditional, isFinally, report, flowTo, reachEnd);

        new HandleTransfer(context, state, report).Refine(block.BranchValue, !conditionalWhenTrue);
        Follow(block.FallThroughSuccessor, state, isFinally, report, flowTo, reachEnd);
    }

    private void Follow(ControlFlowBranch? branch, FlowState state, bool isFinally, bool report, Action<int, FlowState> flowTo, Action<FlowState> reachEnd)
    {
        if (branch is null)
        {
            return;
        }

        switch (branch.Semantics)
        {
            case ControlFlowBranchSemantics.Throw:
            case ControlFlowBranchSemantics.Rethrow:
            case ControlFlowBranchSemantics.Error:
            case ControlFlowBranchSemantics.ProgramTermination:
                return;
            case ControlFlowBranchSemantics.StructuredExceptionHandling:
                if (isFinally)
                {
                    reachEnd(state);
                }

                return;
        }

        FlowState? current = state;
        foreach (ControlFlowRegion finallyRegion in branch.FinallyRegions)
        {
            current = Solve(finallyRegion.FirstBlockOrdinal, current, seeds: null, isFinally: true, report);
            if (current is null)
            {
                return;
            }
        }

        if (branch.Destination is { } destination)
        {
            flowTo(destination.Ordinal, current);
        }
    }

    private static FlowState Join(FlowState? accumulated, FlowState state)
    {
        if (accumulated is null)
        {
            return state.Clone();
        }

        accumulated.JoinWith(state);
        return accumulated;
    }

    /// <summary>Marks the blocks holding a call that can create a handle (only they can change an empty state).</summary>
    private static bool[] FindCreatingBlocks(ControlFlowGraph graph, HandleFlowContext context)
    {
        var creates = new bool[graph.Blocks.Length];
        foreach (BasicBlock block in graph.Blocks)
        {
            foreach (IOperation operation in block.Operations)
            {
                creates[block.Ordinal] |= ContainsCreation(operation, context);
            }

            if (block.BranchValue is { } branchValue)
            {
                creates[block.Ordinal] |= ContainsCreation(branchValue, context);
            }
        }

        return creates;
    }

    private static bool ContainsCreation(IOperation root, HandleFlowContext context)
    {
        foreach (IOperation operation in OperationWalker.DescendantsAndSelf(root))
        {
            if (operation is IInvocationOperation invocation && HandleFlowAnalysis.CanCreateHandle(invocation, context.Recognizer))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Entry blocks of catch and filter handlers that are not inside a finally region.</summary>
    private static void CollectHandlerEntries(ControlFlowRegion region, List<int> entries)
    {
        foreach (ControlFlowRegion nested in region.NestedRegions)
        {
            if (nested.Kind == ControlFlowRegionKind.Finally)
            {
                continue;
            }

            if (nested.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter)
            {
                entries.Add(nested.FirstBlockOrdinal);
            }

            CollectHandlerEntries(nested, entries);
        }
    }
}
