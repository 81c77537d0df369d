using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.FlowInfrastructure;

/// <summary>
/// A body's control flow graph and the graphs of the local functions and lambdas nested in it (each
/// has a graph of its own), in pre-order. Roslyn builds the nested graphs on demand and caches them.
/// </summary>
internal static class FunctionGraphs
{
    /// <param name="root">The body's graph.</param>
    /// <param name="sharing">
    /// The body's variable sharing, whose walk saw every lambda in it: without one, the graphs' own
    /// operations are not searched for lambdas (most bodies have none).
    /// </param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    internal static IEnumerable<ControlFlowGraph> AllOf(ControlFlowGraph root, VariableSharing sharing, CancellationToken cancellationToken)
    {
        var pending = new Stack<ControlFlowGraph>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            ControlFlowGraph graph = pending.Pop();
            yield return graph;

            // Pushed in reverse so that they come out in declaration order.
            var nested = new List<ControlFlowGraph>();
            foreach (IMethodSymbol localFunction in graph.LocalFunctions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                nested.Add(graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken));
            }

            if (sharing.HasLambdas)
            {
                foreach (IFlowAnonymousFunctionOperation lambda in LambdasOf(graph))
                {
                    nested.Add(graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken));
                }
            }

            for (int i = nested.Count - 1; i >= 0; i--)
            {
                pending.Push(nested[i]);
            }
        }
    }

    /// <summary>Every operation tree of a graph: each block's operations, then its branch value.</summary>
    internal static IEnumerable<IOperation> OperationsOf(BasicBlock block)
    {
        foreach (IOperation operation in block.Operations)
        {
            yield return operation;
        }

        if (block.BranchValue is { } branchValue)
        {
            yield return branchValue;
        }
    }

    private static List<IFlowAnonymousFunctionOperation> LambdasOf(ControlFlowGraph graph)
    {
        var lambdas = new List<IFlowAnonymousFunctionOperation>();
        foreach (BasicBlock block in graph.Blocks)
        {
            foreach (IOperation tree in OperationsOf(block))
            {
                foreach (IOperation operation in tree.DescendantsAndSelf())
                {
                    if (operation is IFlowAnonymousFunctionOperation lambda)
                    {
                        lambdas.Add(lambda);
                    }
                }
            }
        }

        return lambdas;
    }
}
