using System.Collections.Generic;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.HandleFlow;

namespace MsDrm.Analyzers.Summaries;

/// <summary>
/// What the handle flow's reporting pass sees in a summarised method that its summary needs: which
/// parameter handles escape or reach a close function, what is returned, what is open at the exit.
/// Written by the flow (<see cref="FlowFindings.Summary"/>), read by <see cref="SummaryBuilder"/>.
/// </summary>
internal sealed class SummaryObservations
{
    private readonly HashSet<int> escaped = new();
    private readonly Dictionary<int, HashSet<HandleKind>> closedAs = new();
    private readonly HashSet<int> returned = new();

    /// <summary>The join of the states at the method's normal exit; null when it is unreachable.</summary>
    internal FlowState? AtExit { get; private set; }

    internal IEnumerable<int> ReturnedIds => returned;

    /// <summary>The handle <paramref name="id"/> escapes here (recorded when it is live in <paramref name="state"/>).</summary>
    internal void Escaped(int id, FlowState state)
    {
        if (state.IsLive(id))
        {
            escaped.Add(id);
        }
    }

    /// <summary>The handle <paramref name="id"/> reaches a close of <paramref name="kind"/> here (recorded when live).</summary>
    internal void Closed(int id, HandleKind kind, FlowState state)
    {
        if (!state.IsLive(id))
        {
            return;
        }

        if (!closedAs.TryGetValue(id, out HashSet<HandleKind>? kinds))
        {
            closedAs.Add(id, kinds = new HashSet<HandleKind>());
        }

        kinds.Add(kind);
    }

    internal void Returned(int[] ids)
    {
        foreach (int id in ids)
        {
            returned.Add(id);
        }
    }

    internal void Exit(FlowState? state) => AtExit = state;

    internal bool HasEscaped(int id) => escaped.Contains(id);

    /// <summary>The kinds of close the handle reached (empty when none).</summary>
    internal IReadOnlyCollection<HandleKind> ClosedAs(int id)
        => closedAs.TryGetValue(id, out HashSet<HandleKind>? kinds) ? kinds : (IReadOnlyCollection<HandleKind>)System.Array.Empty<HandleKind>();
}
