namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Counts the slots of flow state the solver copies, joins or searches: a machine-independent
/// measure of its work, for tests that check it grows about linearly with the method. The analyzers
/// pass none; the state then counts nothing.
/// </summary>
internal interface ISolverWorkMeter
{
    void Add(long slots);
}
