using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.Summaries;

/// <summary>
/// Every source type by the names of its members, from declarations only (no member is built): one
/// pass, where asking the compilation by name would scan every type for each name.
/// </summary>
/// <remarks>
/// Most member names belong to one type, so the first type of a name is kept on its own and only
/// the others go to a list: one entry per name instead of an entry and a list.
/// </remarks>
internal sealed class MemberNameIndex
{
    private readonly Dictionary<string, INamedTypeSymbol> firstType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<INamedTypeSymbol>> otherTypes = new(StringComparer.Ordinal);

    private MemberNameIndex()
    {
    }

    /// <summary>Indexes the types under <paramref name="global"/> (nested types included).</summary>
    internal static MemberNameIndex Of(INamespaceSymbol global)
    {
        var index = new MemberNameIndex();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(global);
        while (pending.Count > 0)
        {
            INamespaceOrTypeSymbol container = pending.Pop();
            if (container is INamespaceSymbol space)
            {
                foreach (INamespaceSymbol inner in space.GetNamespaceMembers())
                {
                    pending.Push(inner);
                }
            }

            foreach (INamedTypeSymbol type in container.GetTypeMembers())
            {
                pending.Push(type);
                foreach (string member in type.MemberNames)
                {
                    index.Add(member, type);
                }
            }
        }

        return index;
    }

    /// <summary>The types that declare a member named <paramref name="name"/>, in the order they were indexed.</summary>
    internal IEnumerable<INamedTypeSymbol> TypesWithMember(string name)
    {
        if (!firstType.TryGetValue(name, out INamedTypeSymbol? first))
        {
            yield break;
        }

        yield return first;
        if (otherTypes.TryGetValue(name, out List<INamedTypeSymbol>? others))
        {
            foreach (INamedTypeSymbol other in others)
            {
                yield return other;
            }
        }
    }

    private void Add(string name, INamedTypeSymbol type)
    {
        if (!firstType.ContainsKey(name))
        {
            firstType.Add(name, type);
        }
        else if (otherTypes.TryGetValue(name, out List<INamedTypeSymbol>? others))
        {
            others.Add(type);
        }
        else
        {
            otherTypes.Add(name, new List<INamedTypeSymbol> { type });
        }
    }
}
