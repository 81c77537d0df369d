using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.Summaries;

/// <summary>
/// What a user method with one body does with handles and HRESULTs, as its callers see it:
/// whether it forwards an HRESULT, which handles it creates for its caller, and what it does with
/// each by-value parameter. Computed once per method and compilation by <see cref="SummaryCache"/>.
/// </summary>
internal sealed class MethodSummary
{
    // Published once (under the cache's lock) as one object, so readers never see half of it.
    private ParameterEffectTable? table;

    internal MethodSummary(IMethodSymbol method, bool forwardsHresult, bool forwardsOnlyCloses, ImmutableArray<SummaryCreation> creations, bool hasDrmCalls)
    {
        Method = method;
        Name = DrmCallRecognizer.DisplayName(null, method);
        ForwardsHresult = forwardsHresult;
        ForwardsOnlyCloses = forwardsHresult && forwardsOnlyCloses;
        Creations = creations;
        HasDrmCalls = hasDrmCalls;
    }

    internal IMethodSymbol Method { get; }

    /// <summary><c>Type.Method</c>, as diagnostics name the helper.</summary>
    internal string Name { get; }

    /// <summary>Returns the result of a DRM call (or of another forwarding method): its calls are DRM calls for MSDRM002.</summary>
    internal bool ForwardsHresult { get; }

    /// <summary>Forwards only the results of close functions: MSDRM002 treats it as a close function.</summary>
    internal bool ForwardsOnlyCloses { get; }

    /// <summary>The handles the caller owns after a call.</summary>
    internal ImmutableArray<SummaryCreation> Creations { get; }

    /// <summary>True when the body calls a DRM function or another summarised method that matters.</summary>
    internal bool HasDrmCalls { get; }

    /// <summary>True once the parameter effects are known (computed with the creations, or on demand).</summary>
    internal bool HasEffects => Volatile.Read(ref table) is not null;

    /// <summary>True when callers must look at this method: it forwards, creates or closes.</summary>
    internal bool IsDrmRelevant
    {
        get
        {
            if (ForwardsHresult || Creations.Length > 0)
            {
                return true;
            }

            if (Volatile.Read(ref table) is { } known)
            {
                foreach (ParameterEffect effect in known.Effects)
                {
                    if (effect == ParameterEffect.Closes)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>The creation at a parameter ordinal (-1: the returned value), or null.</summary>
    internal SummaryCreation? CreationAt(int ordinal)
    {
        foreach (SummaryCreation creation in Creations)
        {
            if (creation.Ordinal == ordinal)
            {
                return creation;
            }
        }

        return null;
    }

    /// <summary>The effect on a parameter (only valid once <see cref="HasEffects"/>).</summary>
    internal ParameterEffect EffectAt(int ordinal, out HandleKind? closedKind)
    {
        closedKind = null;
        if (Volatile.Read(ref table) is not { } known || ordinal < 0 || ordinal >= known.Effects.Length)
        {
            return ParameterEffect.TakesOwnership;
        }

        closedKind = known.Kinds[ordinal];
        return known.Effects[ordinal];
    }

    /// <summary>Set once, under the cache's lock.</summary>
    internal void SetEffects(ImmutableArray<ParameterEffect> parameterEffects, ImmutableArray<HandleKind?> kinds)
    {
        Volatile.Write(ref table, new ParameterEffectTable(parameterEffects, kinds));
    }
}
