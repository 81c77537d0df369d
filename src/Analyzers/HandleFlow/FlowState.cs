using System;
using System.Collections.Generic;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// The abstract state at one program point. Only possibly-live creations are kept: a closed,
/// escaped or never-created handle is dropped everywhere, so the state stays as small as the
/// number of handles open at once, and joins are plain unions (a finite lattice, so loops converge).
/// </summary>
/// <remarks>
/// The solver copies a state for every block it visits and joins one per edge, and a huge method
/// can hold hundreds of live handles at once. So the state is a bit set of live creations plus,
/// per key (numbered by <see cref="FlowKeys"/>), immutable id arrays in copy-on-write chunks
/// (<see cref="KeyedIds"/>): a copy shares them, a join skips what both sides share.
/// </remarks>
internal sealed class FlowState : IFlowLattice<FlowState>
{
    private static readonly int[] NoIds = Array.Empty<int>();

    private readonly FlowKeys keys;
    private readonly KeyedIds holders;
    private readonly KeyedIds links;
    private ulong[] live;

    private FlowState(FlowKeys keys, ulong[] live, int liveCount, KeyedIds holders, KeyedIds links, LifetimeState lifetime)
    {
        this.keys = keys;
        Lifetime = lifetime;
        this.live = live;
        LiveCount = liveCount;
        this.holders = holders;
        this.links = links;
    }

    /// <summary>Closed values, parents and adoptions (MSDRM003, MSDRM005): what survives a close.</summary>
    internal LifetimeState Lifetime { get; }

    /// <summary>How many creations may be open here.</summary>
    internal int LiveCount { get; private set; }

    /// <summary>Creation sites whose handle may be open here.</summary>
    internal IEnumerable<int> Live
    {
        get
        {
            for (int word = 0; word < live.Length; word++)
            {
                for (int bit = 0; bit < 64; bit++)
                {
                    if ((live[word] & (1UL << bit)) != 0)
                    {
                        yield return (word * 64) + bit;
                    }
                }
            }
        }
    }

    internal static FlowState Empty(FlowKeys keys) => new(keys, Array.Empty<ulong>(), 0, new KeyedIds(keys, keys.Holders), new KeyedIds(keys, keys.Links), LifetimeState.Empty(keys));

    public FlowState Clone()
    {
        keys.CountWork(live.Length);
        return new(keys, (ulong[])live.Clone(), LiveCount, holders.Fork(), links.Fork(), Lifetime.Fork());
    }

    internal bool IsLive(int id) => id >> 6 < live.Length && (live[id >> 6] & (1UL << (id & 63))) != 0;

    internal void AddLive(int id)
    {
        if (IsLive(id))
        {
            return;
        }

        if (id >> 6 >= live.Length)
        {
            Array.Resize(ref live, (id >> 6) + 1);
        }

        live[id >> 6] |= 1UL << (id & 63);
        LiveCount++;
    }

    /// <summary>Adds everything <paramref name="other"/> holds; true when this state grew.</summary>
    public bool JoinWith(FlowState other)
    {
        bool changed = false;
        if (other.live.Length > live.Length)
        {
            Array.Resize(ref live, other.live.Length);
        }

        keys.CountWork(other.live.Length);
        for (int word = 0; word < other.live.Length; word++)
        {
            ulong added = other.live[word] & ~live[word];
            if (added != 0)
            {
                live[word] |= added;
                LiveCount += BitCount(added);
                changed = true;
            }
        }

        changed |= holders.JoinWith(other.holders);
        changed |= links.JoinWith(other.links);
        changed |= Lifetime.JoinWith(other.Lifetime);
        return changed;
    }

    /// <summary>The live creations <paramref name="key"/> may hold (the caller must not change the array).</summary>
    internal int[] HeldBy(object key) => holders.Get(keys.IndexOf(key)) ?? NoIds;

    /// <summary>The creations that exist only if <paramref name="key"/> is a success (the caller must not change the array).</summary>
    internal int[] LinkedTo(object key) => links.Get(keys.IndexOf(key)) ?? NoIds;

    /// <summary>True when a variable other than <paramref name="except"/> still holds <paramref name="id"/>.</summary>
    internal bool IsHeldElsewhere(int id, object? except)
        => holders.AnyListsExcept(id, except is null ? -1 : keys.IndexOf(except));

    /// <summary>The key numbers of the variables that hold <paramref name="id"/> here: the copies of one handle.</summary>
    internal List<int> KeysHolding(int id)
    {
        var found = new List<int>();
        foreach (int index in keys.Holders.KeysOf(id))
        {
            if (holders.Get(index) is { } ids && Array.IndexOf(ids, id) >= 0)
            {
                found.Add(index);
            }
        }

        return found;
    }

    /// <summary>The handle is closed, escaped or known not to exist: forget it everywhere.</summary>
    internal void Kill(int id)
    {
        if (IsLive(id))
        {
            live[id >> 6] &= ~(1UL << (id & 63));
            LiveCount--;
            holders.RemoveEverywhere(id);
            links.RemoveEverywhere(id);
        }
    }

    /// <summary>Sets what a variable holds (only live creations are recorded).</summary>
    internal void SetHolder(object key, IEnumerable<int> ids) => holders.Set(keys.IndexOf(key), LiveOnly(ids));

    /// <summary>Sets which creations depend on an HRESULT holder.</summary>
    internal void SetLinks(object key, IEnumerable<int> ids) => links.Set(keys.IndexOf(key), LiveOnly(ids));

    internal void AddLink(object key, int id) => links.Add(keys.IndexOf(key), id);

    /// <summary>The live ones among <paramref name="ids"/>, without repeats; null when none.</summary>
    private int[]? LiveOnly(IEnumerable<int> ids)
    {
        // Most values are no handle or one: answered without a list.
        if (ids is int[] { Length: <= 1 } few)
        {
            return few.Length == 1 && IsLive(few[0]) ? new[] { few[0] } : null;
        }

        List<int>? kept = null;
        foreach (int id in ids)
        {
            if (IsLive(id) && (kept is null || !kept.Contains(id)))
            {
                (kept ??= new List<int>()).Add(id);
            }
        }

        return kept?.ToArray();
    }

    private static int BitCount(ulong value)
    {
        int count = 0;
        while (value != 0)
        {
            value &= value - 1;
            count++;
        }

        return count;
    }
}
