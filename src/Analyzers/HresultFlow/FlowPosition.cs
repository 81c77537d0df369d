using Microsoft.CodeAnalysis.FlowAnalysis;

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
