using MsDrm.Benchmarks.Corpus;
using MsDrm.Benchmarks.Measuring;
using MsDrm.Benchmarks.Reporting;

namespace MsDrm.Benchmarks.Modes;

/// <summary>--scaling: the compiler and ours at growing N; our cost per file must stay flat.</summary>
internal static class ScalingMode
{
    private static readonly int[] Sizes = { 250, 500, 1000, 2000 };

    internal static async Task<bool> RunAsync(BenchOptions options)
    {
        AnalyzerSet? ours = Checks.OursOrNote();
        // Every run measures its compile phase too, so ours alone gives both columns.
        AnalyzerSet measured = ours ?? AnalyzerSet.CompileOnly;
        int rounds = options.RoundsOr(3);
        var table = new TextTable("N files", "lines", "compile wall ms", "compile ms/file", "ours exec ms", "ours exec ms/file", "ours analysis wall ms/file", "ours analysis CPU ms/file");
        var perFile = new List<double>();
        bool ok = true;

        // Warm up on a mid-sized corpus: one round on 250 files leaves much of Roslyn in tier-0 code,
        // which made the smallest N look several times dearer per file.
        var warmup = new CorpusCompilation(CorpusGenerator.Generate(1000), options.Concurrent);
        RoundResults warmupResults = await new RoundRunner(warmup, new[] { measured }, options.Concurrent).RunAsync(options.Warmup, 0);
        ok &= Checks.Report(warmupResults);
        foreach (int n in Sizes)
        {
            var corpus = new CorpusCompilation(CorpusGenerator.Generate(n), options.Concurrent);
            RoundResults results = await new RoundRunner(corpus, new[] { measured }, options.Concurrent)
                .RunAsync(0, rounds, options.Verbose ? Console.WriteLine : null);
            ok &= Checks.Report(results);
            double compile = results.Median(measured.Name, r => r.CompileMs);
            double exec = ours is null ? double.NaN : results.Median(ours.Name, r => r.AnalyzerExecutionMs);
            double wall = ours is null ? double.NaN : results.Median(ours.Name, r => r.AnalysisWallMs);
            double cpu = ours is null ? double.NaN : results.Median(ours.Name, r => r.AnalysisCpuMs);
            perFile.Add(exec / n);
            table.Row(n.ToString("N0"), corpus.LineCount.ToString("N0"), Format.Ms(compile), Format.Ms3(compile / n),
                Format.Ms(exec), Format.Ms3(exec / n), Format.Ms3(wall / n), Format.Ms3(cpu / n));
            Console.WriteLine($"  N={n:N0} measured");
        }

        Console.WriteLine();
        Console.WriteLine($"Scaling: medians of {rounds} round(s) at each N, after {options.Warmup} warm-up round(s) on 1,000 files.");
        Console.Write(table);
        if (ours is not null)
        {
            // Flat: the largest per-file cost is within 1.5x of the smallest (noise on a shared machine included).
            double spread = perFile.Max() / perFile.Min();
            Console.WriteLine($"Target: flat per-file cost (max/min of ours ms/file <= 1.5): {spread:N2} -> {Format.Verdict(spread <= 1.5)}");
        }

        return ok;
    }
}
