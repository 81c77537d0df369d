using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>
/// What <see cref="FailureSides"/> reads from a whole graph, the same for every stored HRESULT in it:
/// the locals assigned a DRM call's result and the single value of each flow capture. Found once per
/// graph (each on first use), so a method with hundreds of stored HRESULTs walks its graph once, not
/// once per store.
/// </summary>
internal sealed class GraphHresultFacts
{
    private static readonly ConditionalWeakTable<ControlFlowGraph, GraphHresultFacts> ByGraph = new();

    private readonly object gate = new();
    private readonly ControlFlowGraph graph;
    private readonly DrmCallRecognizer recognizer;
    private HashSet<ILocalSymbol>? hresultLocals;
    private Dictionary<CaptureId, IOperation?>? captures;

    private GraphHresultFacts(ControlFlowGraph graph, DrmCallRecognizer recognizer)
    {
        this.graph = graph;
        this.recognizer = recognizer;
    }

    internal static GraphHresultFacts For(ControlFlowGraph graph, DrmCallRecognizer recognizer)
        => ByGraph.TryGetValue(graph, out GraphHresultFacts? facts) ? facts : ByGraph.GetValue(graph, g => new GraphHresultFacts(g, recognizer));

    /// <summary>True when the call returns an HRESULT the API model knows: a DRM function's, or a forwarding helper's.</summary>
    internal bool CarriesHresult(IInvocationOperation invocation)
    {
        RecognizedMethod method = recognizer.Recognize(invocation.TargetMethod);
        return method.Function is not null || method.Summary is { ForwardsHresult: true };
    }

    /// <summary>True when some operation of the graph assigns a DRM call's result to <paramref name="local"/>.</summary>
    internal bool IsHresultLocal(ILocalSymbol local)
    {
        lock (gate)
        {
            return (hresultLocals ??= FindHresultLocals()).Contains(local);
        }
    }

    /// <summary>The value a capture is given, or null when it is given several (a conditional expression) or none.</summary>
    internal IOperation? CaptureValue(CaptureId id)
    {
        lock (gate)
        {
            return (captures ??= FindCaptureValues()).TryGetValue(id, out IOperation? value) ? value : null;
        }
    }

    private HashSet<ILocalSymbol> FindHresultLocals()
    {
        var found = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (BasicBlock block in graph.Blocks)
        {
            foreach (IOperation statement in block.Operations)
            {
                foreach (IOperation operation in statement.DescendantsAndSelf())
                {
                    if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                        && OperationShapes.StripConversions(assignment.Value) is IInvocationOperation call
                        && CarriesHresult(call))
                    {
                        found.Add(target.Local);
                    }
                }
            }
        }

        return found;
    }

    private Dictionary<CaptureId, IOperation?> FindCaptureValues()
    {
        var found = new Dictionary<CaptureId, IOperation?>();
        foreach (BasicBlock block in graph.Blocks)
        {
            foreach (IOperation operation in block.Operations)
            {
                if (operation is IFlowCaptureOperation capture)
                {
                    // A capture written in several places (a conditional expression) has no one value.
                    found[capture.Id] = found.ContainsKey(capture.Id) ? null : capture.Value;
                }
            }
        }

        return found;
    }
}
