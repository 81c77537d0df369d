using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>
/// Finds the operation of a graph (or of its lambdas and local functions, which have graphs of their
/// own) that contains a given invocation. The graph's operations are new instances, so the match is
/// by syntax.
/// </summary>
internal static class ControlFlowGraphLocator
{
    internal static bool TryFind(ControlFlowGraph root, VariableSharing sharing, SyntaxNode invocationSyntax, CancellationToken cancellationToken, out FlowPosition position)
    {
        foreach (ControlFlowGraph graph in FunctionGraphs.AllOf(root, sharing, cancellationToken))
        {
            if (!graph.OriginalOperation.Syntax.Span.Contains(invocationSyntax.Span))
            {
                continue;
            }

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
