using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

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

    /// <summary>
    /// The locals of the regions a branch leaves are out of scope: what was closed in them no longer matters,
    /// and forgetting it keeps the state as small as the variables in scope (a loop body's closed handles).
    /// </summary>
    internal void Forget(ImmutableArray<ControlFlowRegion> leaving)
    {
        if (maps is null || leaving.IsEmpty)
        {
            return;
        }

        foreach (ControlFlowRegion region in leaving)
        {
            foreach (ILocalSymbol local in region.Locals)
            {
                int index = keys.IndexOf(local);
                if (ClosersOf(index) is not null)
                {
                    SetClosers(index, null);
                }
            }
        }
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
    internal int[]? ValuesOf(int key) => maps?.Get(0, key);

    internal void SetValues(int key, int[]? tokens) => Set(0, key, tokens);

    internal void AddValue(int key, int token) => Writable().Values.Add(key, token);

    /// <summary>The close sites that closed the value the variable holds (on some path); null when open.</summary>
    internal int[]? ClosersOf(int key) => maps?.Get(1, key);

    internal void SetClosers(int key, int[]? closers)
    {
        Set(1, key, closers);
        if (closers is null)
        {
            SetMustClosed(key, false);
        }
    }

    internal void AddCloser(int key, int closer) => Writable().ClosedBy.Add(key, closer);

    /// <summary>The value tokens of a child's parent, by the child's creation id.</summary>
    internal int[]? ParentsOf(int child) => maps?.Get(2, child);

    internal void SetParents(int child, int[]? tokens) => Set(2, child, tokens);

    /// <summary>The close sites that closed a child's parent while the child was open.</summary>
    internal int[]? OrphanedBy(int child) => maps?.Get(3, child);

    internal void SetOrphaned(int child, int[]? closers) => Set(3, child, closers);

    internal void AddOrphaned(int child, int closer) => Writable().Orphans.Add(child, closer);

    /// <summary>The raw value tokens a wrapper adopted, by the wrapper's creation id.</summary>
    internal int[]? AdoptedBy(int wrapper) => maps?.Get(4, wrapper);

    internal void SetAdopted(int wrapper, int[] tokens) => Set(4, wrapper, tokens);

    /// <summary>The variables that hold <paramref name="token"/> here.</summary>
    internal List<int> KeysWithValue(int token) => Listing(maps, 0, Table.Values, token);

    /// <summary>The children whose parent is <paramref name="token"/> here.</summary>
    internal List<int> ChildrenOf(int token) => Listing(maps, 2, Table.Parents, token);

    private bool IntersectMustClosed(int[] other)
    {
        if (mustClosed.Length == 0 || ReferenceEquals(mustClosed, other))
        {
            return false;
        }

        // Both sorted: one merge pass.
        var kept = new List<int>(Math.Min(mustClosed.Length, other.Length));
        for (int i = 0, j = 0; i < mustClosed.Length && j < other.Length;)
        {
            if (mustClosed[i] == other[j])
            {
                kept.Add(mustClosed[i]);
                i++;
                j++;
            }
            else if (mustClosed[i] < other[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        if (kept.Count == mustClosed.Length)
        {
            return false;
        }

        mustClosed = kept.ToArray();
        return true;
    }

    private static List<int> Listing(Maps? maps, int map, ListingIndex listings, int id)
    {
        var found = new List<int>();
        if (maps is null)
        {
            return found;
        }

        foreach (int index in listings.KeysOf(id))
        {
            if (maps.Get(map, index) is { } ids && Array.IndexOf(ids, id) >= 0)
            {
                found.Add(index);
            }
        }

        return found;
    }

    private void Set(int map, int index, int[]? ids)
    {
        if (ids is not null)
        {
            Writable().Set(map, index, ids);
        }
        else if (maps?.Get(map, index) is not null)
        {
            maps.Set(map, index, null);
        }
    }

    private Maps Writable() => maps ??= new Maps(keys);

    /// <summary>The five maps, each created on first write: most graphs only ever close, so only <see cref="ClosedBy"/> exists.</summary>
    private sealed class Maps
    {
        private readonly FlowKeys keys;
        private readonly KeyedIds?[] maps;

        internal Maps(FlowKeys keys)
            : this(keys, new KeyedIds?[5])
        {
        }

        private Maps(FlowKeys keys, KeyedIds?[] maps)
        {
            this.keys = keys;
            this.maps = maps;
        }

        /// <summary>Variable key -> value tokens beyond its live creations.</summary>
        internal KeyedIds Values => Writable(0, keys.Lifetime.Values);

        /// <summary>Variable key -> close sites that closed its value.</summary>
        internal KeyedIds ClosedBy => Writable(1, keys.Lifetime.Closed);

        /// <summary>Child creation id -> its parent's value tokens.</summary>
        internal KeyedIds Parents => Writable(2, keys.Lifetime.Parents);

        /// <summary>Child creation id -> close sites of its parent while it was open.</summary>
        internal KeyedIds Orphans => Writable(3, keys.Lifetime.Unsearched);

        /// <summary>Wrapper creation id -> the raw value tokens it adopted.</summary>
        internal KeyedIds Adopted => Writable(4, keys.Lifetime.Unsearched);

        internal int[]? Get(int map, int index) => maps[map]?.Get(index);

        internal void Set(int map, int index, int[]? ids)
        {
            KeyedIds target = map switch
            {
                0 => Values,
                1 => ClosedBy,
                2 => Parents,
                3 => Orphans,
                _ => Adopted,
            };
            target.Set(index, ids);
        }

        internal Maps Fork()
        {
            var forked = new KeyedIds?[maps.Length];
            for (int i = 0; i < maps.Length; i++)
            {
                forked[i] = maps[i]?.Fork();
            }

            return new Maps(keys, forked);
        }

        internal bool JoinWith(Maps other)
        {
            bool changed = false;
            for (int i = 0; i < maps.Length; i++)
            {
                if (other.maps[i] is not { } added)
                {
                    continue;
                }

                if (maps[i] is { } mine)
                {
                    changed |= mine.JoinWith(added);
                }
                else
                {
                    maps[i] = added.Fork();
                    changed = true;
                }
            }

            return changed;
        }

        private KeyedIds Writable(int map, ListingIndex listings) => maps[map] ??= new KeyedIds(keys, listings);
    }
}
