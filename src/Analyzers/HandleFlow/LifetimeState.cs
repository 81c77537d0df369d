using System;
using System.Collections.Generic;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// The part of the flow state that MSDRM003 and MSDRM005 read: which close sites closed the value a
/// variable holds, which value tokens a variable holds beyond its live creations, the parent values of
/// open children, the parent closes each child outlived, and what each wrapper adopted. Unlike the live
/// set, these survive a close or an escape: a closed value is still the same value.
/// </summary>
/// <remarks>
/// A variable's value is its live creations (the holders of <see cref="FlowState"/>) plus its value
/// tokens here; with neither, it is the variable's own token (a parameter's value, say), made explicit
/// only when a child or a wrapper refers to it. A variable that ever had tokens keeps some (a new value
/// gets a fresh token), so an implicit token never stands for two values. Joins are unions ("on some path").
/// </remarks>
internal sealed class LifetimeState
{
    private readonly FlowKeys keys;

    // Null until something is recorded: most states of most graphs never need the maps.
    private Maps? maps;

    // The variables whose value is closed on every path here (sorted key numbers, never changed in place):
    // a must-fact, so joins intersect. Only a close that is a second close on every path can be removed.
    private int[] mustClosed;

    private LifetimeState(FlowKeys keys, Maps? maps, int[] mustClosed)
    {
        this.keys = keys;
        this.maps = maps;
        this.mustClosed = mustClosed;
    }

    /// <summary>False until something was recorded: until then a block without creations or closes cannot change anything here.</summary>
    internal bool Used => maps is not null;

    internal LifetimeTable Table => keys.Lifetime;

    internal static LifetimeState Empty(FlowKeys keys) => new(keys, null, Array.Empty<int>());

    internal LifetimeState Fork() => new(keys, maps?.Fork(), mustClosed);

    internal bool JoinWith(LifetimeState other)
    {
        bool changed = IntersectMustClosed(other.mustClosed);
        if (other.maps is null)
        {
            return changed;
        }

        if (maps is null)
        {
            maps = other.maps.Fork();
            return true;
        }

        return maps.JoinWith(other.maps) | changed;
    }

    /// <summary>True when the variable's value is closed on every path reaching here.</summary>
    internal bool IsMustClosed(int key) => Array.BinarySearch(mustClosed, key) >= 0;

    /// <summary>The variable's value is closed here (on this path), or (<paramref name="closed"/> false) it holds a new value.</summary>
    internal void SetMustClosed(int key, bool closed)
    {
        int at = Array.BinarySearch(mustClosed, key);
        if (closed == at >= 0)
        {
            return;
        }

        var list = new List<int>(mustClosed);
        if (closed)
        {
            list.Insert(~at, key);
        }
        else
        {
            list.RemoveAt(at);
        }

        mustClosed = list.ToArray();
    }

    internal int IndexOf(object key) => keys.IndexOf(key);

    /// <summary>The value tokens of a variable beyond its live creations; null when none.</summary>
    internal int[]? ValuesOf(int key) => maps?.Values.Get(key);

    internal void SetValues(int key, int[]? tokens) => Set(m => m.Values, key, tokens);

    internal void AddValue(int key, int token) => Writable().Values.Add(key, token);

    /// <summary>The close sites that closed the value the variable holds (on some path); null when open.</summary>
    internal int[]? ClosersOf(int key) => maps?.ClosedBy.Get(key);

    internal void SetClosers(int key, int[]? closers)
    {
        Set(m => m.ClosedBy, key, closers);
        if (closers is null)
        {
            SetMustClosed(key, false);
        }
    }

    internal void AddCloser(int key, int closer) => Writable().ClosedBy.Add(key, closer);

    /// <summary>The value tokens of a child's parent, by the child's creation id.</summary>
    internal int[]? ParentsOf(int child) => maps?.Parents.Get(child);

    internal void SetParents(int child, int[]? tokens) => Set(m => m.Parents, child, tokens);

    /// <summary>The close sites that closed a child's parent while the child was open.</summary>
    internal int[]? OrphanedBy(int child) => maps?.Orphans.Get(child);

    internal void SetOrphaned(int child, int[]? closers) => Set(m => m.Orphans, child, closers);

    internal void AddOrphaned(int child, int closer) => Writable().Orphans.Add(child, closer);

    /// <summary>The raw value tokens a wrapper adopted, by the wrapper's creation id.</summary>
    internal int[]? AdoptedBy(int wrapper) => maps?.Adopted.Get(wrapper);

    internal void SetAdopted(int wrapper, int[] tokens) => Set(m => m.Adopted, wrapper, tokens);

    /// <summary>The variables that hold <paramref name="token"/> here.</summary>
    internal List<int> KeysWithValue(int token) => Listing(maps?.Values, Table.Values, token);

    /// <summary>The children whose parent is <paramref name="token"/> here.</summary>
    internal List<int> ChildrenOf(int token) => Listing(maps?.Parents, Table.Parents, token);

    private bool IntersectMustClosed(int[] other)
    {
        if (mustClosed.Length == 0 || ReferenceEquals(mustClosed, other))
        {
            return false;
        }

        int[] kept = Array.FindAll(mustClosed, key => Array.BinarySearch(other, key) >= 0);
        if (kept.Length == mustClosed.Length)
        {
            return false;
        }

        mustClosed = kept;
        return true;
    }

    private static List<int> Listing(KeyedIds? map, ListingIndex listings, int id)
    {
        var found = new List<int>();
        if (map is null)
        {
            return found;
        }

        foreach (int index in listings.KeysOf(id))
        {
            if (map.Get(index) is { } ids && Array.IndexOf(ids, id) >= 0)
            {
                found.Add(index);
            }
        }

        return found;
    }

    private void Set(Func<Maps, KeyedIds> map, int index, int[]? ids)
    {
        if (ids is not null || maps is not null)
        {
            map(Writable()).Set(index, ids);
        }
    }

    private Maps Writable() => maps ??= new Maps(keys);

    private sealed class Maps
    {
        internal Maps(FlowKeys keys)
            : this(new KeyedIds(keys, keys.Lifetime.Values), new KeyedIds(keys, keys.Lifetime.Closed), new KeyedIds(keys, keys.Lifetime.Parents), new KeyedIds(keys, keys.Lifetime.Unsearched), new KeyedIds(keys, keys.Lifetime.Unsearched))
        {
        }

        private Maps(KeyedIds values, KeyedIds closedBy, KeyedIds parents, KeyedIds orphans, KeyedIds adopted)
        {
            Values = values;
            ClosedBy = closedBy;
            Parents = parents;
            Orphans = orphans;
            Adopted = adopted;
        }

        /// <summary>Variable key -> value tokens beyond its live creations.</summary>
        internal KeyedIds Values { get; }

        /// <summary>Variable key -> close sites that closed its value.</summary>
        internal KeyedIds ClosedBy { get; }

        /// <summary>Child creation id -> its parent's value tokens.</summary>
        internal KeyedIds Parents { get; }

        /// <summary>Child creation id -> close sites of its parent while it was open.</summary>
        internal KeyedIds Orphans { get; }

        /// <summary>Wrapper creation id -> the raw value tokens it adopted.</summary>
        internal KeyedIds Adopted { get; }

        internal Maps Fork() => new(Values.Fork(), ClosedBy.Fork(), Parents.Fork(), Orphans.Fork(), Adopted.Fork());

        internal bool JoinWith(Maps other)
        {
            bool changed = Values.JoinWith(other.Values);
            changed |= ClosedBy.JoinWith(other.ClosedBy);
            changed |= Parents.JoinWith(other.Parents);
            changed |= Orphans.JoinWith(other.Orphans);
            changed |= Adopted.JoinWith(other.Adopted);
            return changed;
        }
    }
}
