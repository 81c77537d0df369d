using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Entry point of the handle flow: which handles created in an executable body (and in the
/// lambdas and local functions nested in it, each analysed in its own graph) are not closed
/// on every normal path. Every rule about handle lifetimes reads this result (through
/// <see cref="Rules.DrmBody.HandleFlow"/>, computed once per body).
/// </summary>
internal static class HandleFlowAnalysis
{
    /// <summary>Analyses the graph of one body and the graphs nested in it.</summary>
    /// <param name="graph">The body's control flow graph.</param>
    /// <param name="recognizer">The compilation's API model.</param>
    /// <param name="sharing">The body's captured variables and ref aliases.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <param name="meter">Counts the solver's work (tests); null otherwise.</param>
    internal static HandleFlowResult Analyze(ControlFlowGraph graph, DrmCallRecognizer recognizer, VariableSharing sharing, CancellationToken cancellationToken, ISolverWorkMeter? meter = null)
    {
        Compilation? compilation = graph.OriginalOperation.SemanticModel?.Compilation;
        ImmutableArray<LeakedHandle>.Builder? leaks = null;
        ImmutableArray<ClosedHandleUse>.Builder? closedUses = null;
        ImmutableArray<CloseOrderViolation>.Builder? closeOrders = null;
        ImmutableArray<WrongClose>.Builder? wrongCloses = null;
        foreach (ControlFlowGraph function in FunctionGraphs.AllOf(graph, sharing, cancellationToken))
        {
            CreationSiteTable sites = CreationSiteTable.Collect(function, recognizer);
            if (sites.Count == 0 && !sites.HasCloses)
            {
                // Nothing is created or closed in this function: nothing can leak or be closed twice in it.
                continue;
            }

            var findings = new FlowFindings();
            new FlowSolver(function, new HandleFlowContext(recognizer, sharing, sites, compilation, meter, cancellationToken), findings).Run();
            findings.AddLeaksTo(function, sites, leaks ??= ImmutableArray.CreateBuilder<LeakedHandle>());
            findings.AddWrongClosesTo(wrongCloses ??= ImmutableArray.CreateBuilder<WrongClose>());
            if (!findings.Lifetime.IsEmpty)
            {
                findings.Lifetime.AddTo(sites, findings.NameOf, closedUses ??= ImmutableArray.CreateBuilder<ClosedHandleUse>(), closeOrders ??= ImmutableArray.CreateBuilder<CloseOrderViolation>());
            }
        }

        if ((leaks is null || leaks.Count == 0) && closedUses is null && (wrongCloses is null || wrongCloses.Count == 0))
        {
            return HandleFlowResult.Empty;
        }

        return new HandleFlowResult(
            leaks is null ? ImmutableArray<LeakedHandle>.Empty : leaks.OrderBy(leak => leak.Invocation.Syntax.SpanStart).ToImmutableArray(),
            closedUses is null ? ImmutableArray<ClosedHandleUse>.Empty : closedUses.OrderBy(use => use.Invocation.Syntax.SpanStart).ToImmutableArray(),
            closeOrders is null ? ImmutableArray<CloseOrderViolation>.Empty : closeOrders.OrderBy(order => order.ParentClose.Invocation.Syntax.SpanStart).ToImmutableArray(),
            wrongCloses is null ? ImmutableArray<WrongClose>.Empty : wrongCloses.OrderBy(close => close.Invocation.Syntax.SpanStart).ToImmutableArray());
    }
}
