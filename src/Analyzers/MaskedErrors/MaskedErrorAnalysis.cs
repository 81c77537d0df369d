using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.FlowAnalysis;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.MaskedErrors;

/// <summary>
/// Entry point of MSDRM006's flow: in a body's graph (and each nested function's), where a local that
/// held a failed HRESULT is assigned a close function's result that is then returned or thrown. It tracks
/// HRESULT values in locals, not handles, so it is not the handle flow; a graph in which no local
/// receives a close result is not solved at all.
/// </summary>
internal static class MaskedErrorAnalysis
{
    internal static ImmutableArray<MaskedError> Analyze(ControlFlowGraph graph, DrmCallRecognizer recognizer, VariableSharing sharing, CancellationToken cancellationToken)
    {
        ImmutableArray<MaskedError>.Builder? errors = null;
        foreach (ControlFlowGraph function in FunctionGraphs.AllOf(graph, sharing, cancellationToken))
        {
            if (MaskContext.For(function, recognizer, sharing, cancellationToken) is not { } context)
            {
                continue;
            }

            new MaskSolver(function, context).Run();
            context.AddFindingsTo(errors ??= ImmutableArray.CreateBuilder<MaskedError>());
        }

        return errors is null ? ImmutableArray<MaskedError>.Empty : errors.OrderBy(error => error.Assignment.SpanStart).ToImmutableArray();
    }
}
