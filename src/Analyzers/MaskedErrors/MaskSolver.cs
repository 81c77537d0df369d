using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.MaskedErrors;

/// <summary>
/// Runs <see cref="MaskTransfer"/> over one graph to a fixpoint (worklist in block order). Like the
/// handle flow's solver, exceptional edges are ignored, catch handlers start empty, and a finally region
/// is solved inline on each normal branch that leaves through it, so its assignments act on that path.
/// </summary>
internal sealed class MaskSolver
{
    private readonly ControlFlowGraph graph;
    private readonly MaskContext context;
    private readonly int maxVisits;

    internal MaskSolver(ControlFlowGraph graph, MaskContext context)
    {
        this.graph = graph;
        this.context = context;

        // The lattice is finite so the fixpoint is reached anyway; this only bounds pathological graphs.
        maxVisits = Math.Max(1000, graph.Blocks.Length * 64);
    }

    internal void Run() => Solve(0, new MaskState(), ControlFlowRegions.HandlerEntries(graph.Root), isFinally: false);

    /// <summary>Solves the blocks reachable from <paramref name="entry"/>; returns the state at the end of a finally region.</summary>
    private MaskState? Solve(int entry, MaskState entryState, List<int>? seeds, bool isFinally)
    {
        var inStates = new Dictionary<int, MaskState> { [entry] = entryState };
        var queue = new SortedSet<int> { entry };
        foreach (int seed in seeds ?? new List<int>())
        {
            if (!inStates.ContainsKey(seed))
            {
                inStates[seed] = new MaskState();
                queue.Add(seed);
            }
        }

        MaskState? end = null;
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
            Process(graph.Blocks[ordinal], inStates[ordinal].Clone(), isFinally,
                (destination, state) =>
                {
                    if (!inStates.TryGetValue(destination, out MaskState? existing))
                    {
                        inStates[destination] = state;
                        queue.Add(destination);
                    }
                    else if (existing.JoinWith(state))
                    {
                        queue.Add(destination);
                    }
                },
                state =>
                {
                    if (end is null)
                    {
                        end = state.Clone();
                    }
                    else
                    {
                        end.JoinWith(state);
                    }
                });
        }

        return end;
    }

    private void Process(BasicBlock block, MaskState state, bool isFinally, Action<int, MaskState> flowTo, Action<MaskState> reachEnd)
    {
        var transfer = new MaskTransfer(context, state);
        foreach (IOperation operation in block.Operations)
        {
            transfer.Visit(operation);
        }

        if (block.Kind == BasicBlockKind.Exit)
        {
            return;
        }

        if (block.BranchValue is { } branchValue)
        {
            if (block.ConditionKind == ControlFlowConditionKind.None
                && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                transfer.Returned(branchValue);
            }
            else
            {
                transfer.Visit(branchValue);
            }
        }

        if (block.ConditionKind == ControlFlowConditionKind.None || block.BranchValue is null)
        {
            Follow(block.FallThroughSuccessor, state, isFinally, flowTo, reachEnd);
            return;
        }

        // The failure is located at the condition as written (an implicit one, a case label, at its constant).
        SyntaxNode? location = block.BranchValue.IsImplicit ? null : AsWritten(block.BranchValue.Syntax);
        bool conditionalWhenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        MaskState conditional = state.Clone();
        new MaskTransfer(context, conditional).Refine(block.BranchValue, conditionalWhenTrue, location);
        Follow(block.ConditionalSuccessor, conditional, isFinally, flowTo, reachEnd);

        transfer.Refine(block.BranchValue, !conditionalWhenTrue, location);
        Follow(block.FallThroughSuccessor, state, isFinally, flowTo, reachEnd);
    }

    /// <summary>The graph folds a <c>!</c> into its jumps: the condition as written includes it (and its parentheses).</summary>
    private static SyntaxNode AsWritten(SyntaxNode condition)
    {
        while (condition.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } or ParenthesizedExpressionSyntax)
        {
            condition = condition.Parent;
        }

        return condition;
    }

    private void Follow(ControlFlowBranch? branch, MaskState state, bool isFinally, Action<int, MaskState> flowTo, Action<MaskState> reachEnd)
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

        MaskState? current = state;
        foreach (ControlFlowRegion finallyRegion in branch.FinallyRegions)
        {
            current = Solve(finallyRegion.FirstBlockOrdinal, current, seeds: null, isFinally: true);
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
}
