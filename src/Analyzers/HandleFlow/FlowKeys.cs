using System.Collections.Generic;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Numbers the keys the flow state is indexed by (symbols, flow-capture ids, creating calls), once
/// per analysis: states are then flat arrays indexed by that number, so copying and joining them
/// never hashes a symbol.
/// </summary>
internal sealed class FlowKeys
{
    private readonly Dictionary<object, int> indices = new(FlowKeyComparer.Instance);

    /// <summary>Which variables ever held each creation (shared by every state's holder map).</summary>
    internal ListingIndex Holders { get; } = new();

    /// <summary>Which HRESULT holders ever linked each creation (shared by every state's link map).</summary>
    internal ListingIndex Links { get; } = new();

    /// <summary>Value tokens and close sites of the lifetime part of the state (MSDRM003, MSDRM005).</summary>
    internal LifetimeTable Lifetime { get; } = new();

    private readonly ISolverWorkMeter? meter;

    internal FlowKeys(ISolverWorkMeter? meter) => this.meter = meter;

    /// <summary>Counts slots of state copied, joined or searched, when a test asked for it (<see cref="ISolverWorkMeter"/>).</summary>
    internal void CountWork(long slots) => meter?.Add(slots);

    /// <summary>The number of <paramref name="key"/>, given on first sight.</summary>
    internal int IndexOf(object key)
    {
        if (!indices.TryGetValue(key, out int index))
        {
            index = indices.Count;
            indices.Add(key, index);
        }

        return index;
    }
}
