using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Numbers what the lifetime part of the state (<see cref="LifetimeState"/>) refers to, once per
/// analysis: value tokens other than creation ids (a variable's value from before the graph, a value
/// assigned from anything but a handle) as negative ints, and the close sites. Numbers are identities
/// only: every finding is ordered by source position, so none depends on the order of first sight.
/// </summary>
internal sealed class LifetimeTable
{
    private readonly Dictionary<object, int> tokens = new(FlowKeyComparer.Instance);
    private readonly Dictionary<(IInvocationOperation Invocation, bool IsAdoption), CloseSite> closersByCall = new();
    private readonly List<CloseSite> closers = new();

    /// <summary>Which variables ever held each value token.</summary>
    internal ListingIndex Values { get; } = new();

    /// <summary>Which variables ever listed each close site.</summary>
    internal ListingIndex Closed { get; } = new();

    /// <summary>Which children ever listed each parent value token.</summary>
    internal ListingIndex Parents { get; } = new();

    /// <summary>Listings of the maps nobody searches by id (orphaned children, adoptions).</summary>
    internal ListingIndex Unsearched { get; } = new();

    internal CloseSite this[int closer] => closers[closer];

    /// <summary>The token of a value that is no creation of this graph (negative, so never a creation id).</summary>
    internal int TokenOf(object value)
    {
        if (!tokens.TryGetValue(value, out int token))
        {
            token = -(tokens.Count + 1);
            tokens.Add(value, token);
        }

        return token;
    }

    /// <summary>The close site of a call; the closed expression's text is read only the first time (the solver passes a call many times).</summary>
    internal CloseSite CloserOf(IInvocationOperation invocation, string function, SyntaxNode closed, bool isAdoption)
        => closersByCall.TryGetValue((invocation, isAdoption), out CloseSite? closer) ? closer : CloserOf(invocation, function, closed.ToString(), isAdoption);

    internal CloseSite CloserOf(IInvocationOperation invocation, string function, string variable, bool isAdoption)
    {
        if (!closersByCall.TryGetValue((invocation, isAdoption), out CloseSite? closer))
        {
            closer = new CloseSite(closers.Count, invocation, function, variable, isAdoption);
            closers.Add(closer);
            closersByCall.Add((invocation, isAdoption), closer);
        }

        return closer;
    }
}
