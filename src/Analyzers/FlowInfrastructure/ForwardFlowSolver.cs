using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MsDrm.Analyzers.FlowInfrastructure;

/// <summary>
/// The routing every flow rule shares over one control flow graph: a worklist in block order to a
/// fixpoint and, when asked, one reporting visit of every reached block on its final state, in block
/// order (the only visit that records findings: a block outside every loop is visited once, and
/// that visit reports; a loop block reports once the worklist is past it). Exceptional edges are
/// ignored; a finally region is solved inline on each normal branch that leaves through it, so what
/// it does happens on that path only; catch handlers start from an empty state (reached only by
/// exceptions, which no rule counts, but what they do is still analysed); a conditional block sends
/// a copy of its state, refined by the condition, to each side. Subclasses give the transfer
/// function and the refinement.
/// </summary>
/// <typeparam name="TState">The analysis's state.</typeparam>
internal abstract class ForwardFlowSolver<TState>
    where TState : class, IFlowLattice<TState>
{
    private readonly CancellationToken cancellationToken;
    private readonly int maxVisits;
    private readonly bool isAcyclic;

    // Blocks inside some loop: between a back edge's destination and its source, in block order.
    private readonly bool[] loopBlocks;

    protected ForwardFlowSolver(ControlFlowGraph graph, CancellationToken cancellationToken)
    {
        Graph = graph;
        this.cancellationToken = cancellationToken;

        // The lattices are finite so the fixpoint is reached anyway; this only bounds pathological graphs.
        maxVisits = Math.Max(1000, graph.Blocks.Length * 64);
        loopBlocks = LoopBlocks(graph, out isAcyclic);
    }

    protected ControlFlowGraph Graph { get; }

    /// <summary>The state a catch handler starts from, and the state nothing is known in.</summary>
    protected abstract TState EmptyState();

    /// <summary>Runs the block's operations and its branch value over <paramref name="state"/>.</summary>
    /// <param name="reporting">True in the reporting pass: findings may be recorded.</param>
    protected abstract void Transfer(BasicBlock block, TState state, bool reporting);

    /// <summary>Refines <paramref name="state"/> for the side of <paramref name="block"/>'s condition where it is <paramref name="whenTrue"/>.</summary>
    protected abstract void Refine(BasicBlock block, TState state, bool whenTrue, bool reporting);

    /// <summary>True when the block cannot change <paramref name="state"/> (a fast path: the state flows straight on).</summary>
    protected virtual bool IsInert(BasicBlock block, TState state) => false;

    /// <summary>Called as a normal branch reaches its destination, after the finally regions on the way.</summary>
    protected virtual void OnArrive(ControlFlowBranch branch, BasicBlock destination, TState state, bool reporting)
    {
    }

    /// <summary>True when the block's branch value is the value it returns (else it is a condition, a switch value or a thrown value).</summary>
    protected static bool ReturnsBranchValue(BasicBlock block)
        => block.ConditionKind == ControlFlowConditionKind.None && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return;

    /// <summary>Solves the whole graph from its entry; returns the join of the states at its exit, null when it is unreachable.</summary>
    protected TState? SolveGraph(TState entryState, bool report)
        => Solve(0, Graph.Blocks.Length - 1, entryState, ControlFlowRegions.HandlerEntries(Graph.Root), isFinally: false, report);

    /// <summary>
    /// Solves the blocks reachable from <paramref name="entry"/> (up to <paramref name="last"/>, the end
    /// of the graph or of the finally region); returns the join of the states at the end (the exit
    /// block, or the end of a finally region), null when the end is unreachable.
    /// </summary>
    private TState? Solve(int entry, int last, TState entryState, List<int>? seeds, bool isFinally, bool report)
        => isAcyclic
            ? SolveInOrder(entry, last, entryState, seeds, isFinally, report)
            : SolveToFixpoint(entry, entryState, seeds, isFinally, report);

    /// <summary>
    /// Without a loop (every branch goes to a later block, the common case) blocks taken in order are
    /// each visited once, after all their predecessors: a block's state is final when it is visited,
    /// so that one visit reports (no second pass), works on the stored state (no copy), and no
    /// worklist is needed.
    /// </summary>
    private TState? SolveInOrder(int entry, int last, TState entryState, List<int>? seeds, bool isFinally, bool report)
    {
        var inStates = new TState?[last - entry + 1];
        inStates[0] = entryState;
        foreach (int seed in seeds ?? Enumerable.Empty<int>())
        {
            inStates[seed - entry] ??= EmptyState();
        }

        TState? end = null;
        var pass = new Pass(
            isFinally,
            report,
            (destination, state) =>
            {
                // Branches go forward. In valid code they stay in the region; broken code can branch
                // out of a finally region (`finally { return; }`), and the table then grows to follow.
                if (destination - entry >= inStates.Length)
                {
                    Array.Resize(ref inStates, destination - entry + 1);
                }

                ref TState? existing = ref inStates[destination - entry];
                if (existing is null)
                {
                    existing = state;
                }
                else
                {
                    existing.JoinWith(state);
                }
            },
            state => end = Join(end, state));

        for (int index = 0; index < inStates.Length; index++)
        {
            if (inStates[index] is { } state)
            {
                cancellationToken.ThrowIfCancellationRequested();
                inStates[index] = null;
                Process(Graph.Blocks[entry + index], state, pass);
            }
        }

        return end;
    }

    /// <summary>
    /// With a loop: a worklist in block order to a fixpoint, each visit to a block inside a loop on a
    /// copy of its state. A block outside every loop is final when the worklist reaches it (nothing
    /// earlier can change again and nothing flows back to it): it is visited once, on its stored
    /// state, reporting. Before it, the loop blocks waiting to report do so in block order, so
    /// findings come in block order as in the acyclic case.
    /// </summary>
    private TState? SolveToFixpoint(int entry, TState entryState, List<int>? seeds, bool isFinally, bool report)
    {
        var inStates = new Dictionary<int, TState> { [entry] = entryState };
        var queue = new SortedSet<int> { entry };
        foreach (int seed in seeds ?? new List<int>())
        {
            if (!inStates.ContainsKey(seed))
            {
                inStates[seed] = EmptyState();
                queue.Add(seed);
            }
        }

        // The loop blocks reached, in block order: each reports on its final state once the worklist is past it.
        var toReport = new SortedSet<int>();
        TState? end = null;
        Action<int, TState> flowTo = (destination, state) =>
        {
            if (!inStates.TryGetValue(destination, out TState? existing))
            {
                inStates[destination] = state;
                queue.Add(destination);
            }
            else if (existing.JoinWith(state))
            {
                queue.Add(destination);
            }
        };
        Action<TState> reachEnd = state => end = Join(end, state);
        var pass = new Pass(isFinally, reporting: false, flowTo, reachEnd);
        var finalPass = new Pass(isFinally, reporting: report, flowTo, reachEnd);
        var loopReporting = new Pass(isFinally, reporting: true, static (_, _) => { }, static _ => { });

        int visits = 0;
        while (queue.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++visits > maxVisits)
            {
                return null;
            }

            int ordinal = queue.Min;
            queue.Remove(ordinal);
            if (!loopBlocks[ordinal])
            {
                if (report)
                {
                    ReportLoopBlocks(toReport, ordinal, inStates, loopReporting);
                }

                TState state = inStates[ordinal];
                inStates.Remove(ordinal);
                Process(Graph.Blocks[ordinal], state, finalPass);
                continue;
            }

            if (report)
            {
                toReport.Add(ordinal);
            }

            Process(Graph.Blocks[ordinal], inStates[ordinal].Clone(), pass);
        }

        if (report)
        {
            ReportLoopBlocks(toReport, int.MaxValue, inStates, loopReporting);
        }

        return end;
    }

    /// <summary>
    /// The reporting visit of the loop blocks before <paramref name="before"/>, in block order, on
    /// their final states themselves (the fixpoint no longer needs them; nothing is joined into them).
    /// </summary>
    private void ReportLoopBlocks(SortedSet<int> toReport, int before, Dictionary<int, TState> inStates, Pass reporting)
    {
        while (toReport.Count > 0 && toReport.Min < before)
        {
            int ordinal = toReport.Min;
            toReport.Remove(ordinal);
            TState state = inStates[ordinal];
            inStates.Remove(ordinal);
            Process(Graph.Blocks[ordinal], state, reporting);
        }
    }

    private void Process(BasicBlock block, TState state, Pass pass)
    {
        if (block.Kind != BasicBlockKind.Exit && IsInert(block, state))
        {
            Follow(block.FallThroughSuccessor, state, pass);
            if (block.ConditionalSuccessor is not null)
            {
                Follow(block.ConditionalSuccessor, EmptyState(), pass);
            }

            return;
        }

        Transfer(block, state, pass.Reporting);
        if (block.Kind == BasicBlockKind.Exit)
        {
            if (!pass.IsFinally)
            {
                pass.ReachEnd(state);
            }

            return;
        }

        if (block.ConditionKind == ControlFlowConditionKind.None || block.BranchValue is null)
        {
            Follow(block.FallThroughSuccessor, state, pass);
            return;
        }

        bool conditionalWhenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        TState conditional = state.Clone();
        Refine(block, conditional, conditionalWhenTrue, pass.Reporting);
        Follow(block.ConditionalSuccessor, conditional, pass);

        Refine(block, state, !conditionalWhenTrue, pass.Reporting);
        Follow(block.FallThroughSuccessor, state, pass);
    }

    private void Follow(ControlFlowBranch? branch, TState state, Pass pass)
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
                if (pass.IsFinally)
                {
                    pass.ReachEnd(state);
                }

                return;
        }

        TState? current = state;
        foreach (ControlFlowRegion finallyRegion in branch.FinallyRegions)
        {
            current = Solve(finallyRegion.FirstBlockOrdinal, finallyRegion.LastBlockOrdinal, current, seeds: null, isFinally: true, report: pass.Reporting);
            if (current is null)
            {
                return;
            }
        }

        if (branch.Destination is { } destination)
        {
            OnArrive(branch, destination, current, pass.Reporting);
            pass.FlowTo(destination.Ordinal, current);
        }
    }

    /// <summary>
    /// The blocks between the destination and the source of some branch that goes back to its own
    /// block or an earlier one (a loop): one pass over the branches, then a running count. Empty for
    /// a graph without loops, which never asks (it is swept once in block order).
    /// </summary>
    private static bool[] LoopBlocks(ControlFlowGraph graph, out bool isAcyclic)
    {
        var opened = new int[graph.Blocks.Length + 1];
        bool anyLoop = false;
        foreach (BasicBlock block in graph.Blocks)
        {
            anyLoop |= MarkIfBack(block.FallThroughSuccessor, block.Ordinal, opened);
            anyLoop |= MarkIfBack(block.ConditionalSuccessor, block.Ordinal, opened);
        }

        isAcyclic = !anyLoop;
        if (isAcyclic)
        {
            return Array.Empty<bool>();
        }

        var inLoop = new bool[graph.Blocks.Length];
        for (int ordinal = 0, open = 0; ordinal < inLoop.Length; ordinal++)
        {
            open += opened[ordinal];
            inLoop[ordinal] = open > 0;
        }

        return inLoop;

        static bool MarkIfBack(ControlFlowBranch? branch, int source, int[] opened)
        {
            if (branch?.Destination?.Ordinal is not int destination || destination > source)
            {
                return false;
            }

            opened[destination]++;
            opened[source + 1]--;
            return true;
        }
    }

    private static TState Join(TState? accumulated, TState state)
    {
        if (accumulated is null)
        {
            return state.Clone();
        }

        accumulated.JoinWith(state);
        return accumulated;
    }

    /// <summary>One walk's context: inside a finally region or not, reporting or not, and where states go.</summary>
    private readonly struct Pass
    {
        internal Pass(bool isFinally, bool reporting, Action<int, TState> flowTo, Action<TState> reachEnd)
        {
            IsFinally = isFinally;
            Reporting = reporting;
            FlowTo = flowTo;
            ReachEnd = reachEnd;
        }

        internal bool IsFinally { get; }

        internal bool Reporting { get; }

        internal Action<int, TState> FlowTo { get; }

        internal Action<TState> ReachEnd { get; }
    }
}
