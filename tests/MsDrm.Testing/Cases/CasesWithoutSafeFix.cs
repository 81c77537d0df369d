namespace MsDrm.Testing.Cases;

/// <summary>
/// Wrong cases where no fix keeps every rule's contract, so none is offered (DESIGN: "a fix that
/// cannot be made safely is not offered"), each with the reason. Every fix test (Workspaces on the
/// current Roslyn and on Roslyn 4.8) reads this one list: their diagnostic must stay unfixed.
/// </summary>
public static class CasesWithoutSafeFix
{
    /// <summary>Case name to the reason no fix is safe.</summary>
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>
    {
        // A close of h inserted after the if/else would close the library handle of the else branch twice (MSDRM003).
        ["Wrong_close_function_does_not_close"] = "h holds a session or a library handle; the user's DRMCloseHandle(h) is right for the library",
    };
}
