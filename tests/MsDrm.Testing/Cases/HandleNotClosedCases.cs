namespace MsDrm.Testing.Cases;

/// <summary>
/// MSDRM001 cases: each Wrong leaks the marked handle(s) on some normal path; each Correct twin
/// closes (or hands over) every handle on every path and is silent for every MSDRM rule (every
/// HRESULT is checked, so MSDRM002 stays quiet too). Sources compile with default options.
/// </summary>
public static class HandleNotClosedCases
{
    private static readonly Lazy<IReadOnlyList<RuleCase>> LazyAll = new(Build);

    /// <summary>Every case, in a stable order.</summary>
    public static IReadOnlyList<RuleCase> All => LazyAll.Value;

    /// <summary>The case with this name.</summary>
    public static RuleCase Get(string name) => All.Single(c => c.Name == name);

    private static IReadOnlyList<RuleCase> Build()
    {
        var cases = new List<RuleCase>();
        cases.AddRange(HandleNotClosedCreatingFunctions.Cases);
        cases.AddRange(HandleNotClosedSuccessTests.Cases);
        cases.AddRange(HandleNotClosedEscapes.Cases);
        cases.AddRange(HandleNotClosedShapes.Cases);
        cases.AddRange(HandleNotClosedDeclarations.Cases);
        cases.AddRange(HandleNotClosedWrappers.Cases);
        return cases;
    }
}
