using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>A statement-level operation of a control flow graph: its graph, block and index.</summary>
internal readonly struct FlowPosition
{
    internal FlowPosition(ControlFlowGraph graph, BasicBlock block, int index)
    {
        Graph = graph;
        Block = block;
        Index = index;
    }

    internal ControlFlowGraph Graph { get; }

    internal BasicBlock Block { get; }

    internal int Index { get; }
}

/// <summary>
/// Finds the operation of a graph (or of its lambdas and local functions, which have graphs of their
/// own) that contains a given invocation. The graph's operations are new instances, so the match is
/// by syntax.
/// </summary>
internal static class ControlFlowGraphLocator
{
    internal static bool TryFind(ControlFlowGraph graph, SyntaxNode invocationSyntax, CancellationToken cancellationToken, out FlowPosition position)
    {
        foreach (BasicBlock block in graph.Blocks)
        {
            for (int i = 0; i < block.Operations.Length; i++)
            {
                if (Contains(block.Operations[i], invocationSyntax))
                {
                    position = new FlowPosition(graph, block, i);
                    return true;
                }
            }
        }

        // Not in this graph: look into the nested functions that contain the syntax.
        foreach (IMethodSymbol localFunction in graph.LocalFunctions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ControlFlowGraph nested = graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken);
            if (nested.OriginalOperation.Syntax.Span.Contains(invocationSyntax.Span)
                && TryFind(nested, invocationSyntax, cancellationToken, out position))
            {
                return true;
            }
        }

        foreach (BasicBlock block in graph.Blocks)
        {
            foreach (IOperation operation in block.Operations)
            {
                if (TryFindInLambdas(graph, operation, invocationSyntax, cancellationToken, out position))
                {
                    return true;
                }
            }

            if (block.BranchValue is { } branchValue
                && TryFindInLambdas(graph, branchValue, invocationSyntax, cancellationToken, out position))
            {
                return true;
            }
        }

        position = default;
        return false;
    }

    private static bool TryFindInLambdas(ControlFlowGraph graph, IOperation operation, SyntaxNode invocationSyntax, CancellationToken cancellationToken, out FlowPosition position)
    {
        if (operation.Syntax.Span.Contains(invocationSyntax.Span))
        {
            foreach (IOperation descendant in operation.DescendantsAndSelf())
            {
                if (descendant is IFlowAnonymousFunctionOperation lambda
                    && lambda.Syntax.Span.Contains(invocationSyntax.Span)
                    && TryFind(graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken), invocationSyntax, cancellationToken, out position))
                {
                    return true;
                }
            }
        }

        position = default;
        return false;
    }

    private static bool Contains(IOperation operation, SyntaxNode invocationSyntax)
    {
        if (!operation.Syntax.Span.Contains(invocationSyntax.Span))
        {
            return false;
        }

        foreach (IOperation descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IInvocationOperation && descendant.Syntax == invocationSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
