using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace MsDrm.Benchmarks.Measuring;

/// <summary>
/// One measurement: compile a fresh compilation (GetDiagnostics + Emit to memory), then, unless the
/// set is the compiler alone, run the set's analyzers through CompilationWithAnalyzers with
/// execution time logging and read each analyzer's telemetry.
/// </summary>
internal static class SingleRun
{
    internal static async Task<RunResult> MeasureAsync(CorpusCompilation corpus, AnalyzerSet set, bool concurrentAnalysis)
    {
        Compilation compilation = corpus.Create(set);
        var clock = new PhaseClock();
        ImmutableArray<Diagnostic> compilerDiagnostics = compilation.GetDiagnostics();
        using (var peStream = new MemoryStream())
        {
            compilation.Emit(peStream);
        }

        (double compileMs, double compileCpuMs) = clock.Elapsed();
        Diagnostic[] errors = compilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        ImmutableArray<string> errorSamples = errors.Take(5).Select(d => d.ToString()).ToImmutableArray();
        if (set.IsCompileOnly)
        {
            return new RunResult(set.Name, compileMs, compileCpuMs, 0, 0, 0, ImmutableDictionary<string, double>.Empty,
                ImmutableDictionary<string, int>.Empty, errors.Length, errorSamples, ImmutableArray<string>.Empty);
        }

        var failures = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: concurrentAnalysis,
            logAnalyzerExecutionTime: true);
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(set.Analyzers, options);

        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int[] collectionsBefore = Collections();
        TimeSpan pausedBefore = GC.GetTotalPauseDuration();
        TimeSpan inCallbacksBefore = PausedInCallbacks(set);
        long allocatedInCallbacksBefore = AllocatedInCallbacks(set);
        clock.Restart();
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        (double analysisMs, double analysisCpuMs) = clock.Elapsed();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        int[] collections = Collections();
        TimeSpan paused = GC.GetTotalPauseDuration() - pausedBefore;
        TimeSpan inCallbacks = PausedInCallbacks(set) - inCallbacksBefore;
        long allocatedInCallbacks = AllocatedInCallbacks(set) - allocatedInCallbacksBefore;

        var perAnalyzer = ImmutableDictionary.CreateBuilder<string, double>();
        foreach (DiagnosticAnalyzer analyzer in set.Analyzers)
        {
            AnalyzerTelemetryInfo info = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            string name = analyzer.GetType().Name;
            perAnalyzer[name] = perAnalyzer.GetValueOrDefault(name) + info.ExecutionTime.TotalMilliseconds;
        }

        foreach (Diagnostic ad0001 in diagnostics.Where(d => d.Id == "AD0001"))
        {
            failures.Enqueue(ad0001.GetMessage());
        }

        var counts = diagnostics.GroupBy(d => d.Id).ToImmutableDictionary(g => g.Key, g => g.Count());
        return new RunResult(set.Name, compileMs, compileCpuMs, analysisMs, analysisCpuMs, perAnalyzer.Values.Sum(), perAnalyzer.ToImmutable(),
            counts, errors.Length, errorSamples, failures.Distinct().ToImmutableArray())
        {
            AnalysisAllocatedBytes = allocated,
            AnalysisCollections = Enumerable.Range(0, 3).Select(g => collections[g] - collectionsBefore[g]).ToImmutableArray(),
            AnalysisGcPauseMs = paused.TotalMilliseconds,
            GcPauseInCallbacksMs = inCallbacks.TotalMilliseconds,
            AllocatedInCallbacksBytes = allocatedInCallbacks,
        };
    }

    private static TimeSpan PausedInCallbacks(AnalyzerSet set)
        => set.Analyzers.OfType<GcAccountingAnalyzer>().Aggregate(TimeSpan.Zero, (sum, analyzer) => sum + analyzer.PausedInCallbacks);

    private static long AllocatedInCallbacks(AnalyzerSet set)
        => set.Analyzers.OfType<GcAccountingAnalyzer>().Sum(analyzer => analyzer.AllocatedInCallbacks);

    private static int[] Collections() => new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
}
