namespace MsDrm.Benchmarks.Measuring;

/// <summary>
/// The recorded measurements of every set, plus what went wrong in any run (warm-up included:
/// an analyzer that throws once has failed).
/// </summary>
internal sealed class RoundResults
{
    private readonly Dictionary<string, List<RunResult>> runs;

    internal RoundResults(IEnumerable<AnalyzerSet> sets)
    {
        Sets = sets.ToList();
        runs = Sets.ToDictionary(s => s.Name, _ => new List<RunResult>());
    }

    internal IReadOnlyList<AnalyzerSet> Sets { get; }

    internal SortedSet<string> Failures { get; } = new(StringComparer.Ordinal);

    internal int CompilerErrors { get; private set; }

    internal SortedSet<string> CompilerErrorSamples { get; } = new(StringComparer.Ordinal);

    internal IReadOnlyList<RunResult> Of(string setName) => runs[setName];

    internal void Add(RunResult result, bool recorded)
    {
        if (recorded)
        {
            runs[result.SetName].Add(result);
        }

        CompilerErrors = Math.Max(CompilerErrors, result.CompilerErrors);
        CompilerErrorSamples.UnionWith(result.CompilerErrorSamples);
        foreach (string failure in result.AnalyzerFailures)
        {
            Failures.Add($"[{result.SetName}] {failure}");
        }
    }

    /// <summary>The median of <paramref name="value"/> over the recorded runs of a set.</summary>
    internal double Median(string setName, Func<RunResult, double> value) => Statistics.Median(runs[setName].Select(value));
}
