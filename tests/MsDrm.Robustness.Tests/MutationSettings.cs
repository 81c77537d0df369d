namespace MsDrm.Robustness.Tests;

/// <summary>
/// How many damaged variants to try: a few thousand by default (about a minute on two cores), more
/// with MSDRM_MUTATIONS=N. The seed is fixed so a failure reproduces.
/// </summary>
internal static class MutationSettings
{
    internal const int Seed = 20261125;

    internal static int Variants => ReadInt("MSDRM_MUTATIONS", 3000);

    /// <summary>Variants that compile are also run through every code fix; this caps that costlier part.</summary>
    internal static int FixVariants => ReadInt("MSDRM_FIX_MUTATIONS", Math.Max(200, Variants / 6));

    private static int ReadInt(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), out int value) && value > 0 ? value : fallback;
}
