using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>
/// Where each invocation of a body sits in its control flow graphs (the body's, its lambdas' and
/// local functions'): the statement-level operation that contains it. The graphs' operations are new
/// instances, so invocations are keyed by syntax. Built in one walk per body and shared by every
/// stored HRESULT of it; a search per store was quadratic in a huge method.
/// </summary>
internal sealed class InvocationPositions
{
    private readonly Dictionary<SyntaxNode, FlowPosition> positions = new();

    private InvocationPositions()
    {
    }

    internal static InvocationPositions Of(ControlFlowGraph root, VariableSharing sharing, CancellationToken cancellationToken)
    {
        var index = new InvocationPositions();
        foreach (ControlFlowGraph graph in FunctionGraphs.AllOf(root, sharing, cancellationToken))
        {
            foreach (BasicBlock block in graph.Blocks)
            {
                for (int i = 0; i < block.Operations.Length; i++)
                {
                    foreach (IOperation descendant in block.Operations[i].DescendantsAndSelf())
                    {
                        // The first place wins, in the order a search would meet them.
                        if (descendant is IInvocationOperation && !index.positions.ContainsKey(descendant.Syntax))
                        {
                            index.positions.Add(descendant.Syntax, new FlowPosition(graph, block, i));
                        }
                    }
                }
            }
        }

        return index;
    }

    internal bool TryFind(SyntaxNode invocationSyntax, out FlowPosition position)
        => positions.TryGetValue(invocationSyntax, out position);
}
