using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Runs the transfer function over one control flow graph to a fixpoint (worklist in block order),
/// then walks every reached block once more, in block order, with reporting on: only that pass
/// records findings. Exceptional edges are ignored; a finally region is run inline on each normal
/// branch that leaves through it, so what it closes is closed on that path only; catch handlers
/// start from an empty state (they are reached only by exceptions, which this rule does not count,
/// but what they create is still checked).
/// </summary>
internal sealed class FlowSolver
{
    private readonly ControlFlowGraph graph;
    private readonly HandleFlowContext context;
    private readonly FlowFindings findings;
    private readonly FlowKeys keys;
    private readonly int maxVisits;

    internal FlowSolver(ControlFlowGraph graph, HandleFlowContext context, FlowFindings findings)
    {
        this.graph = graph;
        this.context = context;
        this.findings = findings;
        keys = new FlowKeys(context.Meter);

        // The lattice is finite so the fixpoint is reached anyway; this only bounds pathological graphs.
        maxVisits = Math.Max(1000, graph.Blocks.Length * 64);
    }

    /// <summary>Analyses the whole graph and records every creation still live at its exit.</summary>
    internal void Run()
    {
        FlowState? atExit = Solve(0, EntryState(), ControlFlowRegions.HandlerEntries(graph.Root), isFinally: false, report: true);
        findings.Summary?.Exit(atExit);
        if (atExit is not null)
        {
            foreach (int id in atExit.Live)
            {
                findings.Leak(id);
            }
        }
    }

    /// <summary>Empty, except in a summarised method: each parameter holds its caller's handle.</summary>
    private FlowState EntryState()
    {
        FlowState entry = FlowState.Empty(keys);
        foreach (CreationSite parameter in context.Sites.ParameterSites)
        {
            entry.AddLive(parameter.Id);
            entry.SetHolder(parameter.Parameter!, new[] { parameter.Id });
        }

        return entry;
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
                    inStates[seed] = FlowState.Empty(keys);
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
            Process(graph.Blocks[ordinal], inStates[ordinal].Clone(), isFinally, recorder: null,
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
            var reached = new List<int>(inStates.Keys);
            reached.Sort();
            foreach (int ordinal in reached)
            {
                Process(graph.Blocks[ordinal], inStates[ordinal].Clone(), isFinally, findings, (_, _) => { }, _ => { });
            }
        }

        return end;
    }

    /// <param name="recorder">The findings in the reporting pass; null in fixpoint passes, which record nothing.</param>
    private void Process(BasicBlock block, FlowState state, bool isFinally, FlowFindings? recorder, Action<int, FlowState> flowTo, Action<FlowState> reachEnd)
    {
        if (state.LiveCount == 0 && !context.Sites.CreatingBlocks[block.Ordinal] && block.Kind != BasicBlockKind.Exit
            && !context.Sites.ClosingBlocks[block.Ordinal] && !state.Lifetime.Used)
        {
            // Nothing open, closed or created here: the block cannot change the state (fast path).
            Follow(block.FallThroughSuccessor, state, isFinally, recorder, flowTo, reachEnd);
            Follow(block.ConditionalSuccessor, FlowState.Empty(keys), isFinally, recorder, flowTo, reachEnd);
            return;
        }

        if (recorder is not null)
        {
            recorder.CurrentBlock = block.Ordinal;
        }

        var transfer = new HandleTransfer(context, state, recorder);
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
            Follow(block.FallThroughSuccessor, state, isFinally, recorder, flowTo, reachEnd);
            return;
        }

        bool conditionalWhenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        FlowState conditional = state.Clone();
        new ConditionRefinement(context, conditional, recorder).Refine(block.BranchValue, conditionalWhenTrue);
        Follow(block.ConditionalSuccessor, conditional, isFinally, recorder, flowTo, reachEnd);

        new ConditionRefinement(context, state, recorder).Refine(block.BranchValue, !conditionalWhenTrue);
        Follow(block.FallThroughSuccessor, state, isFinally, recorder, flowTo, reachEnd);
    }

    private void Follow(ControlFlowBranch? branch, FlowState state, bool isFinally, FlowFindings? recorder, Action<int, FlowState> flowTo, Action<FlowState> reachEnd)
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
            current = Solve(finallyRegion.FirstBlockOrdinal, current, seeds: null, isFinally: true, report: recorder is not null);
            if (current is null)
            {
                return;
            }
        }

        if (branch.Destination is { } destination)
        {
            if (recorder is not null && destination.Kind == BasicBlockKind.Exit && current.LiveCount > 0)
            {
                recorder.OpenAtExit(current.Live, branch);
            }

            current.Lifetime.Forget(branch.LeavingRegions);
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
}
