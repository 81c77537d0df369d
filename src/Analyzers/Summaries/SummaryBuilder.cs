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
        if (SummaryBody.Of(method, compilation, CancellationToken.None) is not { } body)
        {
            return null;
        }

        bool hasDrmCalls = CallsDrm(body.Body, recognizer);
        bool forwards = HresultForwarding.Forwards(body, recognizer, out bool onlyCloses);
        if (!hasDrmCalls)
        {
            return new MethodSummary(method, forwardsHresult: false, forwardsOnlyCloses: false, ImmutableArray<SummaryCreation>.Empty, hasDrmCalls: false);
        }

        FlowRun? run = Run(body, compilation, recognizer);
        var summary = new MethodSummary(method, forwards, onlyCloses, run?.Creations ?? ImmutableArray<SummaryCreation>.Empty, hasDrmCalls: true);
        SetEffects(summary, run);
        return summary;
    }

    /// <summary>The parameter effects of a method whose summary did not need the flow (no DRM calls).</summary>
    internal static void ComputeEffects(MethodSummary summary, Compilation compilation, DrmCallRecognizer recognizer)
    {
        FlowRun? run = SummaryBody.Of(summary.Method, compilation, CancellationToken.None) is { } body ? Run(body, compilation, recognizer) : null;
        SetEffects(summary, run);
    }

    private static void SetEffects(MethodSummary summary, FlowRun? run)
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

    private static FlowRun? Run(SummaryBody body, Compilation compilation, DrmCallRecognizer recognizer)
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
        return new FlowRun(body.Method, sites, findings, findings.Summary);
    }

    /// <summary>Types a handle (raw, boxed, or wrapped) can be passed as.</summary>
    private static bool MayHoldHandle(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 => true,
        SpecialType.System_IntPtr or SpecialType.System_UIntPtr or SpecialType.System_Object => true,
        _ => type.TypeKind is TypeKind.Pointer or TypeKind.TypeParameter or TypeKind.Class,
    };

    /// <summary>One run of the flow over a summarised body, read back as creations and parameter effects.</summary>
    private sealed class FlowRun
    {
        private readonly CreationSiteTable sites;
        private readonly FlowFindings findings;
        private readonly SummaryObservations observed;
        private readonly HashSet<IParameterSymbol> handedOut = new(SymbolEqualityComparer.Default);

        internal FlowRun(IMethodSymbol method, CreationSiteTable sites, FlowFindings findings, SummaryObservations observed)
        {
            this.sites = sites;
            this.findings = findings;
            this.observed = observed;
            Creations = CollectCreations(method);
        }

        /// <summary>The handles the caller owns after a call (out/ref parameters, then the returned value).</summary>
        internal ImmutableArray<SummaryCreation> Creations { get; }

        private ImmutableArray<SummaryCreation> CollectCreations(IMethodSymbol method)
        {
            var creations = ImmutableArray.CreateBuilder<SummaryCreation>();
            string helper = DrmCallRecognizer.DisplayName(null, method);
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (parameter.RefKind is RefKind.Out or RefKind.Ref && observed.AtExit is { } exit
                    && Creation(parameter.Ordinal, exit.HeldBy(parameter), helper) is { } created)
                {
                    creations.Add(created);
                }
            }

            if (Creation(-1, observed.ReturnedIds, helper) is { } returned)
            {
                creations.Add(returned);
            }

            return creations.ToImmutable();
        }

        internal ParameterEffect EffectOn(IParameterSymbol parameter, out HandleKind? closedKind)
        {
            closedKind = null;
            // By ordinal: a partial method's callers see its definition's parameters, its body the implementation's.
            CreationSite? site = sites.ParameterSites.Find(candidate => candidate.ParameterOrdinal == parameter.Ordinal);
            if (site is null || observed.HasEscaped(site.Id) || handedOut.Contains(site.Parameter!))
            {
                return ParameterEffect.TakesOwnership;
            }

            IReadOnlyCollection<HandleKind> closes = observed.ClosedAs(site.Id);
            if (closes.Count == 0)
            {
                return ParameterEffect.Uses;
            }

            if (closes.Count > 1 || findings.IsLeaked(site.Id))
            {
                // Closed on some paths only, or by closes of different kinds: not a closing method.
                return ParameterEffect.TakesOwnership;
            }

            foreach (HandleKind kind in closes)
            {
                closedKind = kind;
            }

            return ParameterEffect.Closes;
        }

        /// <summary>What the caller gets at one output: handles of one kind the method created and did not close.</summary>
        private SummaryCreation? Creation(int ordinal, IEnumerable<int> ids, string helper)
        {
            CreationSite? first = null;
            foreach (int id in ids)
            {
                CreationSite site = sites[id];
                if (site.Parameter is not null)
                {
                    // The caller's own handle handed back: the parameter does not just use it.
                    handedOut.Add(site.Parameter);
                    continue;
                }

                if (first is not null && (first.Kind != site.Kind || first.IsWrapper != site.IsWrapper))
                {
                    return null;
                }

                first ??= site;
            }

            return first is null
                ? null
                : new SummaryCreation(ordinal, first.Kind, first.IsWrapper, first.Via?.Function ?? first.Function, helper, first.Via?.InnerLocation ?? first.Invocation.Syntax.GetLocation());
        }
    }
}
