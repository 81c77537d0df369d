using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.HandleFlow;

namespace MsDrm.Analyzers.Summaries;

/// <summary>One run of the flow over a summarised body, read back as creations and parameter effects.</summary>
internal sealed class SummaryFlowRun
{
    private readonly CreationSiteTable sites;
    private readonly FlowFindings findings;
    private readonly SummaryObservations observed;
    private readonly HashSet<IParameterSymbol> handedOut = new(SymbolEqualityComparer.Default);

    internal SummaryFlowRun(IMethodSymbol method, CreationSiteTable sites, FlowFindings findings, SummaryObservations observed)
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
