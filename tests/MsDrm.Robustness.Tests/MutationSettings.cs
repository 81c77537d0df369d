namespace MsDrm.Robustness.Tests;

/// <summary>
/// How many damaged variants to try: 5,000 analyzer variants and 166 fix variants by default (about a minute and a half on two cores), more
/// with MSDRM_MUTATIONS=N. The seed is fixed so a failure reproduces.
/// </summary>
internal static class MutationSettings
{
    internal const int Seed = 20261125;

    internal static int Variants => ReadInt("MSDRM_MUTATIONS", 5000);

    /// <summary>Variants that compile are also run through every code fix; this caps that costlier part.</summary>
    internal static int FixVariants => ReadInt("MSDRM_FIX_MUTATIONS", Math.Max(100, Variants / 30));

    private static int ReadInt(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), out int value) && value > 0 ? value : fallback;
}
