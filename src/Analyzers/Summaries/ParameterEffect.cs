namespace MsDrm.Analyzers.Summaries;

/// <summary>What a summarised method does with a handle passed to one of its by-value parameters.</summary>
internal enum ParameterEffect
{
    /// <summary>Stored, returned, captured, closed on some paths only, or passed on to an owner: an escape.</summary>
    TakesOwnership,

    /// <summary>Neither closed, stored, returned nor captured: passing a handle is a use.</summary>
    Uses,

    /// <summary>Reaches a close function of one kind on every normal path on which it holds a handle.</summary>
    Closes,
}
