namespace MsDrm.Testing.Cases;

/// <summary>
/// One analyzer test case: code with the diagnostic (in <c>{|MSDRM00n:...|}</c> markup) and the
/// correct code beside it, which must be silent. Analyzer, code-fix and robustness tests all read
/// the same cases, so every positive case is also a fix and mutation input.
/// </summary>
/// <param name="Name">A unique, readable name (used as the xunit theory argument).</param>
/// <param name="Wrong">Source with markup around each expected diagnostic span.</param>
/// <param name="Correct">The paired correct source: no diagnostic of any MSDRM rule.</param>
public sealed record RuleCase(string Name, string Wrong, string Correct)
{
    /// <summary>The case's name, so xunit shows it.</summary>
    public override string ToString() => Name;
}
