using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.HandleFlow;

namespace MsDrm.Analyzers.Summaries;

/// <summary>
/// Computes one method's summary: whether it forwards an HRESULT (<see cref="HresultForwarding"/>),
/// and, by running the one handle flow over its body with its parameters' handles seeded at the
/// entry and its out/ref parameters tracked, what it creates for its caller and what it does with
/// each parameter. A method without DRM calls needs no flow until a caller passes it a handle.
/// </summary>
internal static class SummaryBuilder
{
    internal static MethodSummary? Build(IMethodSymbol method, Compilation compilation, DrmCallRecognizer recognizer)
    {
        if (!recognizer.Summaries.Reachability.MayCallDrm(method))
        {
            // No call in it can lead to a DRM call: known without binding the body. Parameter effects
            // stay on demand, as for any body without DRM calls.
            return new MethodSummary(method, forwardsHresult: false, forwardsOnlyCloses: false, ImmutableArray<SummaryCreation>.Empty, hasDrmCalls: false);
        }

        if (SummaryBody.Of(method, compilation, CancellationToken.None) is not { } body)
        {
            return null;
        }

        if (!CallsDrm(body.Body, recognizer))
        {
            return new MethodSummary(method, forwardsHresult: false, forwardsOnlyCloses: false, ImmutableArray<SummaryCreation>.Empty, hasDrmCalls: false);
        }

        // Only a body with DRM calls can forward an HRESULT: its returns are read after that check.
        bool forwards = HresultForwarding.Forwards(body, recognizer, out bool onlyCloses);

        SummaryFlowRun? run = Run(body, compilation, recognizer);
        var summary = new MethodSummary(method, forwards, onlyCloses, run?.Creations ?? ImmutableArray<SummaryCreation>.Empty, hasDrmCalls: true);
        SetEffects(summary, run);
        return summary;
    }

    /// <summary>The parameter effects of a method whose summary did not need the flow (no DRM calls).</summary>
    internal static void ComputeEffects(MethodSummary summary, Compilation compilation, DrmCallRecognizer recognizer)
    {
        SummaryFlowRun? run = SummaryBody.Of(summary.Method, compilation, CancellationToken.None) is { } body ? Run(body, compilation, recognizer) : null;
        SetEffects(summary, run);
    }

    private static void SetEffects(MethodSummary summary, SummaryFlowRun? run)
    {
        int count = summary.Method.Parameters.Length;
        var effects = ImmutableArray.CreateBuilder<ParameterEffect>(count);
        var kinds = ImmutableArray.CreateBuilder<HandleKind?>(count);
        foreach (IParameterSymbol parameter in summary.Method.Parameters)
        {
            HandleKind? kind = null;
            effects.Add(run?.EffectOn(parameter, out kind) ?? ParameterEffect.TakesOwnership);
            kinds.Add(kind);
        }

        summary.SetEffects(effects.MoveToImmutable(), kinds.MoveToImmutable());
    }

    /// <summary>True when the body (not counting nested lambdas) calls anything the DRM rules look at.</summary>
    private static bool CallsDrm(IOperation body, DrmCallRecognizer recognizer)
    {
        bool found = false;
        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            // Every call is recognized (and so summarised) first, so callees are summarised deepest first.
            if (operation is IInvocationOperation invocation && recognizer.Recognize(invocation.TargetMethod).IsDrmRelated)
            {
                found = true;
            }
        }

        return found;
    }

    private static SummaryFlowRun? Run(SummaryBody body, Compilation compilation, DrmCallRecognizer recognizer)
    {
        if (body.GetGraph(CancellationToken.None) is not { } graph)
        {
            return null;
        }

        CreationSiteTable sites = CreationSiteTable.Collect(graph, recognizer);
        foreach (IParameterSymbol parameter in body.Method.Parameters)
        {
            if (parameter.RefKind is RefKind.None or RefKind.In && !body.Sharing.IsUntrackable(parameter) && MayHoldHandle(parameter.Type))
            {
                sites.AddParameterSite(parameter, recognizer.GetWrapperKind(parameter.Type));
            }
        }

        var findings = new FlowFindings { Summary = new SummaryObservations() };
        var context = new HandleFlowContext(recognizer, body.Sharing, sites, compilation, meter: null, CancellationToken.None, summarising: true);
        new FlowSolver(graph, context, findings).Run();
        return new SummaryFlowRun(body.Method, sites, findings, findings.Summary);
    }

    /// <summary>Types a handle (raw, boxed, or wrapped) can be passed as.</summary>
    private static bool MayHoldHandle(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 => true,
        SpecialType.System_IntPtr or SpecialType.System_UIntPtr or SpecialType.System_Object => true,
        _ => type.TypeKind is TypeKind.Pointer or TypeKind.TypeParameter or TypeKind.Class,
    };
}
