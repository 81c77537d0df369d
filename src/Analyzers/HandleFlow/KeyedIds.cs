using System;
using System.Collections.Generic;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// A map from key number (see <see cref="FlowKeys"/>) to an immutable array of creation ids, copied
/// on write in chunks of 32 keys. The solver copies a state per visited block; in a huge method that
/// state names hundreds of variables, so a copy shares every chunk and only the chunks a block
/// changes are ever duplicated. A join skips the chunks both sides share.
/// </summary>
internal sealed class KeyedIds
{
    private const int ChunkShift = 5;
    private const int ChunkMask = (1 << ChunkShift) - 1;

    private readonly FlowKeys keys;
    private readonly ListingIndex listings;
    private Chunk?[] chunks;

    // Chunks stamped with this token belong to this map alone and may be changed in place.
    private object owner = new();

    /// <param name="listings">Which keys ever listed each id, shared by every map of one kind in one analysis.</param>
    internal KeyedIds(FlowKeys keys, ListingIndex listings)
    {
        this.keys = keys;
        this.listings = listings;
        chunks = Array.Empty<Chunk?>();
    }

    private KeyedIds(FlowKeys keys, ListingIndex listings, Chunk?[] chunks)
    {
        this.keys = keys;
        this.listings = listings;
        this.chunks = chunks;
    }

    /// <summary>A copy sharing every chunk; from now on neither side changes a chunk in place.</summary>
    internal KeyedIds Fork()
    {
        owner = new object();
        keys.CountWork(chunks.Length);
        return new KeyedIds(keys, listings, (Chunk?[])chunks.Clone());
    }

    internal int[]? Get(int index)
    {
        int chunk = index >> ChunkShift;
        return chunk < chunks.Length ? chunks[chunk]?.Items[index & ChunkMask] : null;
    }

    /// <summary>Sets (or with null removes) the ids of a key; the array must never be changed afterwards.</summary>
    internal void Set(int index, int[]? ids)
    {
        int chunkIndex = index >> ChunkShift;
        if (chunkIndex >= chunks.Length)
        {
            if (ids is null)
            {
                return;
            }

            Array.Resize(ref chunks, Math.Max(chunkIndex + 1, chunks.Length * 2));
        }

        Chunk? chunk = chunks[chunkIndex];
        if (chunk is null)
        {
            if (ids is null)
            {
                return;
            }

            chunk = chunks[chunkIndex] = new Chunk(owner, new int[]?[ChunkMask + 1]);
        }
        else if (!ReferenceEquals(chunk.Owner, owner))
        {
            if (ReferenceEquals(chunk.Items[index & ChunkMask], ids))
            {
                return;
            }

            keys.CountWork(ChunkMask + 1);
            chunk = chunks[chunkIndex] = new Chunk(owner, (int[]?[])chunk.Items.Clone());
        }

        chunk.Items[index & ChunkMask] = ids;
        if (ids is not null)
        {
            listings.Record(index, ids);
        }
    }

    /// <summary>True when a key other than <paramref name="exceptIndex"/> lists <paramref name="id"/>.</summary>
    internal bool AnyListsExcept(int id, int exceptIndex)
    {
        // Only keys that ever listed the id can list it now: no scan over every key.
        HashSet<int> candidates = listings.KeysOf(id);
        keys.CountWork(candidates.Count);
        foreach (int index in candidates)
        {
            if (index != exceptIndex && Get(index) is { } ids && Array.IndexOf(ids, id) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Drops <paramref name="id"/> from every key (keys left empty are removed).</summary>
    internal void RemoveEverywhere(int id)
    {
        // Set records only the ids it stores, never this one, so the listing is not changed under the loop.
        HashSet<int> candidates = listings.KeysOf(id);
        keys.CountWork(candidates.Count);
        foreach (int index in candidates)
        {
            if (Get(index) is { } ids && Array.IndexOf(ids, id) >= 0)
            {
                Set(index, ids.Length == 1 ? null : Array.FindAll(ids, other => other != id));
            }
        }
    }

    /// <summary>Adds every id <paramref name="other"/> lists under each key; true when this map grew.</summary>
    internal bool JoinWith(KeyedIds other)
    {
        bool changed = false;
        int differing = 0;
        for (int chunkIndex = 0; chunkIndex < other.chunks.Length; chunkIndex++)
        {
            if (other.chunks[chunkIndex] is not { } added
                || (chunkIndex < chunks.Length && ReferenceEquals(chunks[chunkIndex], added)))
            {
                continue;
            }

            differing++;
            for (int slot = 0; slot <= ChunkMask; slot++)
            {
                if (added.Items[slot] is { } addedIds)
                {
                    changed |= Union((chunkIndex << ChunkShift) + slot, addedIds);
                }
            }
        }

        keys.CountWork(other.chunks.Length + ((long)differing * (ChunkMask + 1)));
        return changed;
    }

    /// <summary>Adds <paramref name="id"/> to a key's ids.</summary>
    internal void Add(int index, int id)
    {
        int[]? ids = Get(index);
        if (ids is null)
        {
            Set(index, new[] { id });
        }
        else if (Array.IndexOf(ids, id) < 0)
        {
            Set(index, Append(ids, id));
        }
    }

    private bool Union(int index, int[] added)
    {
        int[]? current = Get(index);
        if (ReferenceEquals(current, added))
        {
            return false;
        }

        if (current is null)
        {
            Set(index, added);
            return true;
        }

        int[] union = current;
        foreach (int id in added)
        {
            if (Array.IndexOf(union, id) < 0)
            {
                union = Append(union, id);
            }
        }

        if (ReferenceEquals(union, current))
        {
            return false;
        }

        Set(index, union);
        return true;
    }

    private static int[] Append(int[] ids, int id)
    {
        var grown = new int[ids.Length + 1];
        Array.Copy(ids, grown, ids.Length);
        grown[ids.Length] = id;
        return grown;
    }

    private sealed class Chunk
    {
        internal Chunk(object owner, int[]?[] items)
        {
            Owner = owner;
            Items = items;
        }

        internal object Owner { get; }

        internal int[]?[] Items { get; }
    }
}
