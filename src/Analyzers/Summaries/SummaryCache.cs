using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.Summaries;

/// <summary>
/// The summaries of one compilation's methods, computed when a caller first needs one and kept
/// (one per method and compilation, owned by the compilation's <see cref="DrmCallRecognizer"/>).
/// A summary needs the summaries of the methods it calls, so computing one may compute others, any
/// number of levels deep. Every method on a cycle of calls gets the conservative summary (none: an
/// unknown method, whose parameters take ownership and which creates and forwards nothing).
/// </summary>
/// <remarks>
/// One lock per compilation serialises the computations: a method is then summarised at most once
/// even when several rules on several threads ask for it, and the chain of methods being computed
/// (which finds cycles) belongs to the one thread holding the lock. The lock is taken after any
/// per-body lock of the rules and never the other way round, so it cannot deadlock.
/// </remarks>
internal sealed class SummaryCache
{
    /// <summary>Deeper chains of helpers than this get the conservative summary rather than overflow the stack.</summary>
    private const int MaxDepth = 256;

    private readonly object gate = new();
    private readonly Compilation compilation;
    private readonly DrmCallRecognizer recognizer;
    private readonly Dictionary<IMethodSymbol, MethodSummary?> done = new(SymbolEqualityComparer.Default);
    private readonly List<IMethodSymbol> inProgress = new();
    private readonly HashSet<IMethodSymbol> onCycle = new(SymbolEqualityComparer.Default);

    // Methods made conservative because a chain was cut (too deep), not because of their own body. A
    // method that calls one is cut too, so the answer for a long cycle does not depend on where the
    // first chain into it started (which the driver's thread order decides).
    private readonly HashSet<IMethodSymbol> cut = new(SymbolEqualityComparer.Default);
    private readonly List<MethodSummary> effectsInProgress = new();
    private readonly HashSet<MethodSummary> effectsOnCycle = new();
    private readonly Dictionary<IMethodSymbol, int> builds = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, int> flowRuns = new(SymbolEqualityComparer.Default);

    internal SummaryCache(Compilation compilation, DrmCallRecognizer recognizer)
    {
        this.compilation = compilation;
        this.recognizer = recognizer;
        SafeHandles = new UserSafeHandles(compilation, recognizer);
        Reachability = new DrmReachability(compilation, recognizer);
    }

    /// <summary>The cheap first check: which methods cannot reach a DRM call (asked under this cache's lock).</summary>
    internal DrmReachability Reachability { get; }

    /// <summary>The user's SafeHandle subclasses that wrap a handle kind.</summary>
    internal UserSafeHandles SafeHandles { get; }

    /// <summary>How many times each method's summary was built (tests: never more than once).</summary>
    internal IReadOnlyDictionary<IMethodSymbol, int> Builds => Snapshot(builds);

    /// <summary>How many times the handle flow ran over each method's body for its summary (tests: never more than once).</summary>
    internal IReadOnlyDictionary<IMethodSymbol, int> FlowRuns => Snapshot(flowRuns);

    /// <summary>
    /// The summary of a candidate method; null for the conservative one. <c>Final</c> is false for an
    /// answer given while the method's own summary is being computed further up (a cycle), and for a
    /// method on a cut chain (each later ask must cut the chain asking): callers must not keep it.
    /// </summary>
    internal (MethodSummary? Summary, bool Final) Get(IMethodSymbol method)
    {
        lock (gate)
        {
            if (done.TryGetValue(method, out MethodSummary? known))
            {
                if (cut.Contains(method))
                {
                    // Not final: a caller that kept this answer would skip this method next time,
                    // and the chain that then reaches it would not be cut.
                    CutChain();
                    return (known, false);
                }

                return (known, true);
            }

            int at = IndexOf(inProgress, method);
            if (at >= 0)
            {
                // A cycle: every method from the first call of this one up to here is on it.
                for (int i = at; i < inProgress.Count; i++)
                {
                    onCycle.Add(inProgress[i]);
                }

                return (null, false);
            }

            if (inProgress.Count >= MaxDepth || !HasStackRoom())
            {
                // Too deep to follow: the method and the whole chain get the conservative summary, as a cycle would.
                CutChain();
                cut.Add(method);
                done[method] = null;
                return (null, false);
            }

            Count(builds, method);
            inProgress.Add(method);
            MethodSummary? summary;
            try
            {
                summary = SummaryBuilder.Build(method, compilation, recognizer);
            }
            catch (InsufficientExecutionStackException)
            {
                // Too deep after all: the whole chain gets the conservative summary.
                summary = null;
                CutChain();
            }
            finally
            {
                inProgress.RemoveAt(inProgress.Count - 1);
            }

            if (summary is { HasEffects: true })
            {
                Count(flowRuns, method);
            }

            if (onCycle.Remove(method))
            {
                summary = null;
            }

            done[method] = summary;
            return (summary, !cut.Contains(method));
        }
    }

    /// <summary>Every method being computed gets the conservative summary, and counts as cut.</summary>
    private void CutChain()
    {
        foreach (IMethodSymbol caller in inProgress)
        {
            onCycle.Add(caller);
            cut.Add(caller);
        }
    }

    /// <summary>What the method does with the handle passed at a parameter (computing the effects on first need).</summary>
    internal ParameterEffect EffectOf(MethodSummary summary, int ordinal, out HandleKind? closedKind)
    {
        if (!summary.HasEffects)
        {
            lock (gate)
            {
                if (!summary.HasEffects && !ComputeEffects(summary))
                {
                    closedKind = null;
                    return ParameterEffect.TakesOwnership;
                }
            }
        }

        return summary.EffectAt(ordinal, out closedKind);
    }

    /// <summary>False when the effects are being computed further up (a cycle): the answer is then "takes ownership".</summary>
    private bool ComputeEffects(MethodSummary summary)
    {
        int at = effectsInProgress.IndexOf(summary);
        if (at >= 0)
        {
            for (int i = at; i < effectsInProgress.Count; i++)
            {
                effectsOnCycle.Add(effectsInProgress[i]);
            }

            return false;
        }

        if (effectsInProgress.Count >= MaxDepth || !HasStackRoom())
        {
            foreach (MethodSummary caller in effectsInProgress)
            {
                effectsOnCycle.Add(caller);
            }

            return false;
        }

        Count(flowRuns, summary.Method);
        effectsInProgress.Add(summary);
        try
        {
            SummaryBuilder.ComputeEffects(summary, compilation, recognizer);
        }
        catch (InsufficientExecutionStackException)
        {
            foreach (MethodSummary caller in effectsInProgress)
            {
                effectsOnCycle.Add(caller);
            }
        }
        finally
        {
            effectsInProgress.RemoveAt(effectsInProgress.Count - 1);
        }

        if (effectsOnCycle.Remove(summary) || !summary.HasEffects)
        {
            summary.SetEffects(ImmutableArray<ParameterEffect>.Empty, ImmutableArray<HandleKind?>.Empty);
        }

        return true;
    }

    private static void Count(Dictionary<IMethodSymbol, int> counts, IMethodSymbol method)
        => counts[method] = counts.TryGetValue(method, out int count) ? count + 1 : 1;

    private IReadOnlyDictionary<IMethodSymbol, int> Snapshot(Dictionary<IMethodSymbol, int> counts)
    {
        lock (gate)
        {
            return new Dictionary<IMethodSymbol, int>(counts, SymbolEqualityComparer.Default);
        }
    }

    /// <summary>False when the thread's stack is too deep to go on (the summaries then answer conservatively).</summary>
    internal static bool HasStackRoom()
    {
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return true;
        }
        catch (InsufficientExecutionStackException)
        {
            return false;
        }
    }

    private static int IndexOf(List<IMethodSymbol> methods, IMethodSymbol method)
    {
        for (int i = 0; i < methods.Count; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(methods[i], method))
            {
                return i;
            }
        }

        return -1;
    }
}
