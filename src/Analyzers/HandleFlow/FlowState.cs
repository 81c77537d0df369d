using System;
using System.Collections.Generic;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// The abstract state at one program point. Only possibly-live creations are kept: a closed,
/// escaped or never-created handle is dropped everywhere, so the state stays as small as the
/// number of handles open at once, and joins are plain unions (a finite lattice, so loops converge).
/// </summary>
/// <remarks>
/// The solver copies a state for every block it visits and joins one per edge, and a huge method
/// can hold hundreds of live handles at once. So the state is flat: a bit set of live creations,
/// and per key (numbered by <see cref="FlowKeys"/>) an immutable id array that is replaced, never
/// changed in place. Copying is an array copy, a join compares references before it merges.
/// </remarks>
internal sealed class FlowState
{
    private static readonly int[] NoIds = Array.Empty<int>();

    private readonly FlowKeys keys;
    private ulong[] live;
    private int[]?[] holders;
    private int[]?[] links;

    private FlowState(FlowKeys keys, ulong[] live, int liveCount, int[]?[] holders, int[]?[] links)
    {
        this.keys = keys;
        this.live = live;
        LiveCount = liveCount;
        this.holders = holders;
        this.links = links;
    }

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

    internal static FlowState Empty(FlowKeys keys) => new(keys, Array.Empty<ulong>(), 0, Array.Empty<int[]?>(), Array.Empty<int[]?>());

    internal FlowState Clone() => new(keys, (ulong[])live.Clone(), LiveCount, (int[]?[])holders.Clone(), (int[]?[])links.Clone());

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
    internal bool JoinWith(FlowState other)
    {
        bool changed = false;
        if (other.live.Length > live.Length)
        {
            Array.Resize(ref live, other.live.Length);
        }

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

        changed |= JoinMap(ref holders, other.holders);
        changed |= JoinMap(ref links, other.links);
        return changed;
    }

    /// <summary>The live creations <paramref name="key"/> may hold (the caller must not change the array).</summary>
    internal int[] HeldBy(object key) => Get(holders, keys.IndexOf(key));

    /// <summary>The creations that exist only if <paramref name="key"/> is a success (the caller must not change the array).</summary>
    internal int[] LinkedTo(object key) => Get(links, keys.IndexOf(key));

    /// <summary>True when a variable other than <paramref name="except"/> still holds <paramref name="id"/>.</summary>
    internal bool IsHeldElsewhere(int id, object? except)
    {
        int exceptIndex = except is null ? -1 : keys.IndexOf(except);
        for (int index = 0; index < holders.Length; index++)
        {
            if (index != exceptIndex && holders[index] is { } ids && Array.IndexOf(ids, id) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The handle is closed, escaped or known not to exist: forget it everywhere.</summary>
    internal void Kill(int id)
    {
        if (IsLive(id))
        {
            live[id >> 6] &= ~(1UL << (id & 63));
            LiveCount--;
            RemoveFromMap(holders, id);
            RemoveFromMap(links, id);
        }
    }

    /// <summary>Sets what a variable holds (only live creations are recorded).</summary>
    internal void SetHolder(object key, IEnumerable<int> ids) => SetMap(ref holders, keys.IndexOf(key), ids);

    /// <summary>Sets which creations depend on an HRESULT holder.</summary>
    internal void SetLinks(object key, IEnumerable<int> ids) => SetMap(ref links, keys.IndexOf(key), ids);

    internal void AddLink(object key, int id)
    {
        int index = keys.IndexOf(key);
        int[] ids = Get(links, index);
        if (Array.IndexOf(ids, id) < 0)
        {
            Set(ref links, index, Append(ids, id));
        }
    }

    private static int[] Get(int[]?[] map, int index) => index < map.Length && map[index] is { } ids ? ids : NoIds;

    private static void Set(ref int[]?[] map, int index, int[]? ids)
    {
        if (index >= map.Length)
        {
            if (ids is null)
            {
                return;
            }

            Array.Resize(ref map, Math.Max(index + 1, map.Length * 2));
        }

        map[index] = ids;
    }

    private void SetMap(ref int[]?[] map, int index, IEnumerable<int> ids)
    {
        List<int>? kept = null;
        foreach (int id in ids)
        {
            if (IsLive(id) && (kept is null || !kept.Contains(id)))
            {
                (kept ??= new List<int>()).Add(id);
            }
        }

        Set(ref map, index, kept?.ToArray());
    }

    private static bool JoinMap(ref int[]?[] target, int[]?[] source)
    {
        bool changed = false;
        for (int index = 0; index < source.Length; index++)
        {
            if (source[index] is not { } added)
            {
                continue;
            }

            int[] current = Get(target, index);
            if (ReferenceEquals(current, added))
            {
                continue;
            }

            int[] union = current;
            foreach (int id in added)
            {
                if (Array.IndexOf(union, id) < 0)
                {
                    union = Append(union, id);
                }
            }

            if (!ReferenceEquals(union, current))
            {
                Set(ref target, index, union);
                changed = true;
            }
        }

        return changed;
    }

    private static void RemoveFromMap(int[]?[] map, int id)
    {
        for (int index = 0; index < map.Length; index++)
        {
            if (map[index] is { } ids && Array.IndexOf(ids, id) >= 0)
            {
                map[index] = ids.Length == 1 ? null : Array.FindAll(ids, other => other != id);
            }
        }
    }

    private static int[] Append(int[] ids, int id)
    {
        var grown = new int[ids.Length + 1];
        Array.Copy(ids, grown, ids.Length);
        grown[ids.Length] = id;
        return grown;
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
