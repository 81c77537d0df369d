using System.Collections.Generic;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// The abstract state at one program point. Only possibly-live creations are kept: a closed,
/// escaped or never-created handle is dropped everywhere, so the state stays as small as the
/// number of handles open at once, and joins are plain unions (a finite lattice, so loops converge).
/// </summary>
internal sealed class FlowState
{
    private FlowState(HashSet<int> live, Dictionary<object, HashSet<int>> holders, Dictionary<object, HashSet<int>> links)
    {
        Live = live;
        Holders = holders;
        Links = links;
    }

    /// <summary>Creation sites whose handle may be open here.</summary>
    internal HashSet<int> Live { get; }

    /// <summary>Variable (local, parameter, flow capture) to the live creations it may hold.</summary>
    internal Dictionary<object, HashSet<int>> Holders { get; }

    /// <summary>HRESULT holder (variable, capture or the creating call itself) to the creations that exist only if it is a success.</summary>
    internal Dictionary<object, HashSet<int>> Links { get; }

    internal static FlowState Empty() => new(new HashSet<int>(), NewMap(), NewMap());

    internal FlowState Clone() => new(new HashSet<int>(Live), CloneMap(Holders), CloneMap(Links));

    /// <summary>Adds everything <paramref name="other"/> holds; true when this state grew.</summary>
    internal bool JoinWith(FlowState other)
    {
        bool changed = false;
        foreach (int id in other.Live)
        {
            changed |= Live.Add(id);
        }

        changed |= JoinMap(Holders, other.Holders);
        changed |= JoinMap(Links, other.Links);
        return changed;
    }

    internal IReadOnlyCollection<int> HeldBy(object key)
        => Holders.TryGetValue(key, out HashSet<int>? set) ? set : (IReadOnlyCollection<int>)System.Array.Empty<int>();

    internal IReadOnlyCollection<int> LinkedTo(object key)
        => Links.TryGetValue(key, out HashSet<int>? set) ? set : (IReadOnlyCollection<int>)System.Array.Empty<int>();

    /// <summary>True when a variable other than <paramref name="except"/> still holds <paramref name="id"/>.</summary>
    internal bool IsHeldElsewhere(int id, object? except)
    {
        foreach (KeyValuePair<object, HashSet<int>> pair in Holders)
        {
            if (pair.Value.Contains(id) && (except is null || !FlowKeyComparer.Instance.Equals(pair.Key, except)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The handle is closed, escaped or known not to exist: forget it everywhere.</summary>
    internal void Kill(int id)
    {
        if (Live.Remove(id))
        {
            RemoveFromMap(Holders, id);
            RemoveFromMap(Links, id);
        }
    }

    /// <summary>Sets what a variable holds (only live creations are recorded).</summary>
    internal void SetHolder(object key, IEnumerable<int> ids) => SetMap(Holders, key, ids, Live);

    /// <summary>Sets which creations depend on an HRESULT holder.</summary>
    internal void SetLinks(object key, IEnumerable<int> ids) => SetMap(Links, key, ids, Live);

    internal void AddLink(object key, int id)
    {
        if (!Links.TryGetValue(key, out HashSet<int>? set))
        {
            set = new HashSet<int>();
            Links.Add(key, set);
        }

        set.Add(id);
    }

    private static void SetMap(Dictionary<object, HashSet<int>> map, object key, IEnumerable<int> ids, HashSet<int> live)
    {
        HashSet<int>? set = null;
        foreach (int id in ids)
        {
            if (live.Contains(id))
            {
                (set ??= new HashSet<int>()).Add(id);
            }
        }

        if (set is null)
        {
            map.Remove(key);
        }
        else
        {
            map[key] = set;
        }
    }

    private static Dictionary<object, HashSet<int>> NewMap() => new(FlowKeyComparer.Instance);

    private static Dictionary<object, HashSet<int>> CloneMap(Dictionary<object, HashSet<int>> map)
    {
        var copy = new Dictionary<object, HashSet<int>>(map.Count, FlowKeyComparer.Instance);
        foreach (KeyValuePair<object, HashSet<int>> pair in map)
        {
            copy.Add(pair.Key, new HashSet<int>(pair.Value));
        }

        return copy;
    }

    private static bool JoinMap(Dictionary<object, HashSet<int>> target, Dictionary<object, HashSet<int>> source)
    {
        bool changed = false;
        foreach (KeyValuePair<object, HashSet<int>> pair in source)
        {
            if (!target.TryGetValue(pair.Key, out HashSet<int>? set))
            {
                target.Add(pair.Key, new HashSet<int>(pair.Value));
                changed = true;
                continue;
            }

            foreach (int id in pair.Value)
            {
                changed |= set.Add(id);
            }
        }

        return changed;
    }

    private static void RemoveFromMap(Dictionary<object, HashSet<int>> map, int id)
    {
        List<object>? empty = null;
        foreach (KeyValuePair<object, HashSet<int>> pair in map)
        {
            if (pair.Value.Remove(id) && pair.Value.Count == 0)
            {
                (empty ??= new List<object>()).Add(pair.Key);
            }
        }

        if (empty is not null)
        {
            foreach (object key in empty)
            {
                map.Remove(key);
            }
        }
    }
}
