using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MsDrm.Analyzers.FlowInfrastructure;

/// <summary>
/// The routing every flow rule shares over one control flow graph: a worklist in block order to a
/// fixpoint, then, when asked, one more walk over every reached block in block order (the reporting
/// pass, the only one that records findings). Exceptional edges are ignored; a finally region is
/// solved inline on each normal branch that leaves through it, so what it does happens on that path
/// only; catch handlers start from an empty state (reached only by exceptions, which no rule counts,
/// but what they do is still analysed); a conditional block sends a copy of its state, refined by
/// the condition, to each side. Subclasses give the transfer function and the refinement.
/// </summary>
/// <typeparam name="TState">The analysis's state.</typeparam>
internal abstract class ForwardFlowSolver<TState>
    where TState : class, IFlowLattice<TState>
{
    private readonly CancellationToken cancellationToken;
    private readonly int maxVisits;
    private readonly bool isAcyclic;

    protected ForwardFlowSolver(ControlFlowGraph graph, CancellationToken cancellationToken)
    {
        Graph = graph;
        this.cancellationToken = cancellationToken;

        // The lattices are finite so the fixpoint is reached anyway; this only bounds pathological graphs.
        maxVisits = Math.Max(1000, graph.Blocks.Length * 64);
        isAcyclic = !HasBackEdge(graph);
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
    /// With a loop: a worklist in block order to a fixpoint, each visit on a copy of the block's
    /// state; then, when asked, the reporting pass over every reached block.
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

        TState? end = null;
        var pass = new Pass(
            isFinally,
            reporting: false,
            (destination, state) =>
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
            },
            state => end = Join(end, state));

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
            Process(Graph.Blocks[ordinal], inStates[ordinal].Clone(), pass);
        }

        if (report)
        {
            var reporting = new Pass(isFinally, reporting: true, static (_, _) => { }, static _ => { });
            var reached = new List<int>(inStates.Keys);
            reached.Sort();
            foreach (int ordinal in reached)
            {
                Process(Graph.Blocks[ordinal], inStates[ordinal].Clone(), reporting);
            }
        }

        return end;
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

    /// <summary>True when some branch goes back to its own block or an earlier one (a loop).</summary>
    private static bool HasBackEdge(ControlFlowGraph graph)
    {
        foreach (BasicBlock block in graph.Blocks)
        {
            if (block.FallThroughSuccessor?.Destination?.Ordinal <= block.Ordinal
                || block.ConditionalSuccessor?.Destination?.Ordinal <= block.Ordinal)
            {
                return true;
            }
        }

        return false;
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
