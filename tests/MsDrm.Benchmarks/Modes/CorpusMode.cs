using MsDrm.Benchmarks.Corpus;
using MsDrm.Benchmarks.Measuring;
using MsDrm.Benchmarks.Reporting;

namespace MsDrm.Benchmarks.Modes;

/// <summary>The default mode: one corpus, every analyzer set, interleaved rounds, table and ratios.</summary>
internal static class CorpusMode
{
    internal static async Task<bool> RunAsync(BenchOptions options)
    {
        var sets = new List<AnalyzerSet> { AnalyzerSet.CompileOnly, DriverOnlyAnalyzer.Set };
        if (Checks.OursOrNote() is { } ours)
        {
            sets.Add(ours);

            // The same analyzers again, with the GC pauses inside their callbacks and their allocations counted.
            sets.Add(AnalyzerCatalog.OursGcAccounted());
        }

        sets.Add(AnalyzerCatalog.NetAnalyzers());
        sets.Add(AnalyzerCatalog.IDisposable());
        foreach (AnalyzerSet set in sets.Skip(1))
        {
            Console.WriteLine($"{set.Name}: {set.Analyzers.Length} analyzer(s)");
        }

        int rounds = options.RoundsOr(5);
        var corpus = new CorpusCompilation(CorpusGenerator.Generate(options.Files), options.Concurrent);
        Console.WriteLine($"Generated {options.Files:N0} files (seed {CorpusGenerator.Seed}); {options.Warmup} warm-up round(s), {rounds} round(s).");
        RoundResults results = await new RoundRunner(corpus, sets, options.Concurrent)
            .RunAsync(options.Warmup, rounds, options.Verbose ? Console.WriteLine : null);
        MainReport.Print(results, corpus, rounds);
        return Checks.Report(results);
    }
}
