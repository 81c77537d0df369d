namespace MsDrm.Analyzers.FlowInfrastructure;

/// <summary>A state of a forward flow analysis: copied for each path, joined where paths meet.</summary>
/// <typeparam name="TState">The state type itself.</typeparam>
internal interface IFlowLattice<TState>
{
    /// <summary>An independent copy, for a path that goes its own way.</summary>
    TState Clone();

    /// <summary>Joins <paramref name="other"/> into this state; true when this state changed.</summary>
    bool JoinWith(TState other);
}
