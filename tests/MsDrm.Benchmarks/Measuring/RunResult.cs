using System.Collections.Immutable;

namespace MsDrm.Benchmarks.Measuring;

/// <summary>What one measurement of one analyzer set on one compilation found.</summary>
internal sealed record RunResult(
    string SetName,
    double CompileMs,
    double CompileCpuMs,
    double AnalysisWallMs,
    double AnalysisCpuMs,
    double AnalyzerExecutionMs,
    ImmutableDictionary<string, double> PerAnalyzerMs,
    ImmutableDictionary<string, int> DiagnosticCounts,
    int CompilerErrors,
    ImmutableArray<string> CompilerErrorSamples,
    ImmutableArray<string> AnalyzerFailures)
{
    /// <summary>Bytes allocated (every thread) while the analyzers ran, the driver's own included.</summary>
    internal long AnalysisAllocatedBytes { get; init; }

    /// <summary>Garbage collections of each generation (0, 1, 2) while the analyzers ran.</summary>
    internal ImmutableArray<int> AnalysisCollections { get; init; } = ImmutableArray.Create(0, 0, 0);

    /// <summary>
    /// Time the runtime was paused for garbage collection while the analyzers ran. A pause is paid by
    /// whichever callback allocates when the budget runs out, so it lands on any analyzer's clock.
    /// </summary>
    internal double AnalysisGcPauseMs { get; init; }

    /// <summary>Of those pauses, the ones inside the callbacks of a <see cref="GcAccountingAnalyzer"/> of the set (0 when it has none).</summary>
    internal double GcPauseInCallbacksMs { get; init; }

    /// <summary>Bytes the callbacks of the set's <see cref="GcAccountingAnalyzer"/>s allocated (0 when it has none).</summary>
    internal long AllocatedInCallbacksBytes { get; init; }

    /// <summary>The accounted callbacks' share of every byte the analysis allocated (0 when nothing was counted).</summary>
    internal double AllocationShare => AnalysisAllocatedBytes > 0 ? (double)AllocatedInCallbacksBytes / AnalysisAllocatedBytes : 0;

    /// <summary>Execution time without the GC pauses that happened to land inside the accounted callbacks.</summary>
    internal double ExecWithoutPausesMs => AnalyzerExecutionMs - GcPauseInCallbacksMs;

    /// <summary>
    /// The GC pauses the accounted callbacks cost on average: a pause falls on whichever callback
    /// allocates when the budget runs out, so they pay their allocation share of all pauses.
    /// </summary>
    internal double AllocationSharePausesMs => AllocationShare * AnalysisGcPauseMs;

    /// <summary>
    /// Execution time with the GC amortized: the pauses that happened to land inside the accounted
    /// callbacks swapped for their allocation share of every pause of the analysis. Steadier than the
    /// driver's clock, where one 30 ms gen1 collection more or less decides a round.
    /// </summary>
    internal double AmortizedExecMs => ExecWithoutPausesMs + AllocationSharePausesMs;

    /// <summary>Compile plus analysis, as a build with these analyzers would spend.</summary>
    internal double TotalWallMs => CompileMs + AnalysisWallMs;
}
