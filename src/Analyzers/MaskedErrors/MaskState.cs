using System.Collections.Generic;
using System.Collections.Immutable;
using MsDrm.Analyzers.FlowInfrastructure;
using MsDrm.Analyzers.HandleFlow;

namespace MsDrm.Analyzers.MaskedErrors;

/// <summary>
/// The facts each tracked slot (a local, or a flow capture that copied one) may hold at a program
/// point. A may-analysis: joins are unions, so loops converge and a fact found on any path is kept.
/// </summary>
internal sealed class MaskState : IFlowLattice<MaskState>
{
    private readonly Dictionary<object, ImmutableHashSet<MaskFact>> slots;

    internal MaskState()
        : this(new Dictionary<object, ImmutableHashSet<MaskFact>>(FlowKeyComparer.Instance))
    {
    }

    private MaskState(Dictionary<object, ImmutableHashSet<MaskFact>> slots) => this.slots = slots;

    internal ImmutableHashSet<MaskFact> Get(object slot)
        => slots.TryGetValue(slot, out ImmutableHashSet<MaskFact>? facts) ? facts : ImmutableHashSet<MaskFact>.Empty;

    internal void Set(object slot, ImmutableHashSet<MaskFact> facts)
    {
        if (facts.IsEmpty)
        {
            slots.Remove(slot);
        }
        else
        {
            slots[slot] = facts;
        }
    }

    // The sets are immutable, so a copy shares them.
    public MaskState Clone() => new(new Dictionary<object, ImmutableHashSet<MaskFact>>(slots, FlowKeyComparer.Instance));

    /// <summary>Adds everything <paramref name="other"/> holds; true when this state grew.</summary>
    public bool JoinWith(MaskState other)
    {
        bool changed = false;
        foreach (var pair in other.slots)
        {
            ImmutableHashSet<MaskFact> mine = Get(pair.Key);
            ImmutableHashSet<MaskFact> joined = mine.Union(pair.Value);
            if (joined.Count != mine.Count)
            {
                slots[pair.Key] = joined;
                changed = true;
            }
        }

        return changed;
    }
}
