using System.Collections.Generic;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// For each creation id, every key number that was ever given an id array holding it, in any state
/// of one analysis. Only those keys can hold it anywhere, so closing a handle looks at a few keys
/// instead of every variable of a huge method.
/// </summary>
internal sealed class ListingIndex
{
    private static readonly HashSet<int> NoKeys = new();

    private readonly Dictionary<int, HashSet<int>> keysById = new();

    internal void Record(int index, int[] ids)
    {
        foreach (int id in ids)
        {
            if (!keysById.TryGetValue(id, out HashSet<int>? keys))
            {
                keys = new HashSet<int>();
                keysById.Add(id, keys);
            }

            keys.Add(index);
        }
    }

    internal HashSet<int> KeysOf(int id) => keysById.TryGetValue(id, out HashSet<int>? keys) ? keys : NoKeys;
}
