using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// What the reporting pass learns for MSDRM003 and MSDRM005: closed handles used or closed again, and
/// parents closed before their children. Sets, so a finally region reported once per branch through it
/// records each finding once; everything is ordered by source position when handed out.
/// </summary>
internal sealed class LifetimeFindings
{
    private readonly Dictionary<IArgumentOperation, (IInvocationOperation Invocation, string Function, bool IsClose, bool[] OnEveryPath, HashSet<CloseSite> Closers)> uses = new();
    private readonly Dictionary<CloseSite, (HashSet<int> Children, HashSet<IInvocationOperation> ChildCloses)> orders = new();

    internal bool IsEmpty => uses.Count == 0 && orders.Count == 0;

    /// <summary>
    /// A closed value reaches <paramref name="invocation"/> through <paramref name="argument"/>;
    /// <paramref name="onEveryPath"/> when it is closed on every path reaching the call (seen this time).
    /// </summary>
    internal void ClosedUse(IInvocationOperation invocation, IArgumentOperation argument, string function, bool isClose, bool onEveryPath, IEnumerable<CloseSite> closers)
    {
        if (!uses.TryGetValue(argument, out var use))
        {
            use = (invocation, function, isClose, new[] { true }, new HashSet<CloseSite>());
            uses.Add(argument, use);
        }

        // A finally region is reported once per branch through it: closed on every path means on each of them.
        use.OnEveryPath[0] &= onEveryPath;
        use.Closers.UnionWith(closers);
    }

    /// <summary>The child <paramref name="child"/> was closed by <paramref name="childClose"/> after <paramref name="parentClose"/> closed its parent.</summary>
    internal void CloseOrder(CloseSite parentClose, int child, IInvocationOperation childClose)
    {
        if (!orders.TryGetValue(parentClose, out var order))
        {
            orders.Add(parentClose, order = (new HashSet<int>(), new HashSet<IInvocationOperation>()));
        }

        order.Children.Add(child);
        order.ChildCloses.Add(childClose);
    }

    internal void AddTo(CreationSiteTable sites, Func<int, string?> nameOf, ImmutableArray<ClosedHandleUse>.Builder closedUses, ImmutableArray<CloseOrderViolation>.Builder closeOrders)
    {
        foreach (var pair in uses)
        {
            CloseSite first = pair.Value.Closers.OrderBy(c => c.Invocation.Syntax.SpanStart).ThenBy(c => c.IsAdoption ? 0 : 1).First();
            closedUses.Add(new ClosedHandleUse(pair.Value.Invocation, pair.Key.Value.Syntax.ToString(), pair.Value.Function, pair.Value.IsClose, pair.Value.OnEveryPath[0], first));
        }

        foreach (var pair in orders)
        {
            CreationSite[] children = pair.Value.Children.Select(id => sites[id]).OrderBy(site => site.Invocation.Syntax.SpanStart).ThenBy(site => site.ParameterOrdinal).ToArray();
            closeOrders.Add(new CloseOrderViolation(
                pair.Key,
                children.ToImmutableArray(),
                children.Select(site => nameOf(site.Id) ?? site.Invocation.Syntax.ToString()).ToImmutableArray(),
                pair.Value.ChildCloses.OrderBy(close => close.Syntax.SpanStart).ToImmutableArray()));
        }
    }
}
