namespace MsDrm.Benchmarks.Measuring;

/// <summary>
/// Runs every analyzer set on the same corpus in interleaved rounds (the order rotates each round,
/// so drift on a shared machine spreads over all sets), after unrecorded warm-up rounds.
/// </summary>
internal sealed class RoundRunner(CorpusCompilation corpus, IReadOnlyList<AnalyzerSet> sets, bool concurrentAnalysis)
{
    internal async Task<RoundResults> RunAsync(int warmupRounds, int rounds, Action<string>? progress = null)
    {
        var results = new RoundResults(sets);
        for (int round = -warmupRounds; round < rounds; round++)
        {
            for (int k = 0; k < sets.Count; k++)
            {
                AnalyzerSet set = sets[(k + Math.Max(round, 0)) % sets.Count];
                Settle();
                RunResult result = await SingleRun.MeasureAsync(corpus, set, concurrentAnalysis).ConfigureAwait(false);
                results.Add(result, recorded: round >= 0);
                progress?.Invoke($"  {(round < 0 ? "warm-up" : $"round {round + 1}/{rounds}"),-10} {set.Name,-22} {result.TotalWallMs,9:F0} ms");
            }
        }

        return results;
    }

    // Start every measurement with a clean heap so one set's garbage is not collected on another's clock.
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
