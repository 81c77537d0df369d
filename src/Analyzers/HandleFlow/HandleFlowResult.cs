using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>What the handle flow found in one executable body (and the bodies nested in it).</summary>
internal sealed class HandleFlowResult
{
    internal static readonly HandleFlowResult Empty = new(ImmutableArray<LeakedHandle>.Empty);

    private readonly Dictionary<SyntaxNode, List<ClosedHandleUse>>? closedUsesByCall;
    private readonly Dictionary<SyntaxNode, List<CloseOrderViolation>>? closeOrdersByCall;

    internal HandleFlowResult(ImmutableArray<LeakedHandle> leaks)
        : this(leaks, ImmutableArray<ClosedHandleUse>.Empty, ImmutableArray<CloseOrderViolation>.Empty, ImmutableArray<WrongClose>.Empty)
    {
    }

    internal HandleFlowResult(ImmutableArray<LeakedHandle> leaks, ImmutableArray<ClosedHandleUse> closedUses, ImmutableArray<CloseOrderViolation> closeOrders, ImmutableArray<WrongClose> wrongCloses)
    {
        Leaks = leaks;
        ClosedUses = closedUses;
        CloseOrders = closeOrders;
        WrongCloses = wrongCloses;
        closedUsesByCall = ByCall(closedUses, use => use.Invocation.Syntax);
        closeOrdersByCall = ByCall(closeOrders, order => order.ParentClose.Invocation.Syntax);
    }

    /// <summary>One entry per leaked creation site, in source order.</summary>
    public ImmutableArray<LeakedHandle> Leaks { get; }

    /// <summary>Close calls given a handle of another kind (MSDRM004), in source order.</summary>
    public ImmutableArray<WrongClose> WrongCloses { get; }

    /// <summary>MSDRM003: closed handles closed again or used, in source order.</summary>
    public ImmutableArray<ClosedHandleUse> ClosedUses { get; }

    /// <summary>MSDRM005: parents closed before their children, in source order.</summary>
    public ImmutableArray<CloseOrderViolation> CloseOrders { get; }

    /// <summary>The closed handles <paramref name="call"/> closes again or uses.</summary>
    internal IReadOnlyList<ClosedHandleUse> ClosedUsesAt(SyntaxNode call) => Find(closedUsesByCall, call);

    /// <summary>The early parent closes located on <paramref name="call"/>.</summary>
    internal IReadOnlyList<CloseOrderViolation> CloseOrdersAt(SyntaxNode call) => Find(closeOrdersByCall, call);

    private static IReadOnlyList<T> Find<T>(Dictionary<SyntaxNode, List<T>>? byCall, SyntaxNode call)
        => byCall is not null && byCall.TryGetValue(call, out List<T>? found) ? found : System.Array.Empty<T>();

    private static Dictionary<SyntaxNode, List<T>>? ByCall<T>(ImmutableArray<T> items, System.Func<T, SyntaxNode> call)
    {
        if (items.IsEmpty)
        {
            return null;
        }

        var byCall = new Dictionary<SyntaxNode, List<T>>();
        foreach (T item in items)
        {
            if (!byCall.TryGetValue(call(item), out List<T>? list))
            {
                byCall.Add(call(item), list = new List<T>());
            }

            list.Add(item);
        }

        return byCall;
    }
}
