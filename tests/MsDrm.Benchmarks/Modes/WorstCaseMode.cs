using MsDrm.Benchmarks.Corpus;
using MsDrm.Benchmarks.Measuring;
using MsDrm.Benchmarks.Reporting;

namespace MsDrm.Benchmarks.Modes;

/// <summary>--worst-case: one huge method, one file of many DRM methods; ours on each.</summary>
internal static class WorstCaseMode
{
    private const double MethodTargetMs = 1000;

    internal static async Task<bool> RunAsync(BenchOptions options, int statements = 5000, int methods = 500)
    {
        AnalyzerSet? ours = Checks.OursOrNote();
        // Every run measures its compile phase too, so ours alone gives both columns.
        AnalyzerSet measured = ours ?? AnalyzerSet.CompileOnly;
        int rounds = options.RoundsOr(5);
        var cases = new[]
        {
            ($"one method, {statements:N0} statements", WorstCaseGenerator.HugeMethod(statements)),
            ($"one file, {methods:N0} DRM methods", WorstCaseGenerator.ManyDrmMethods(methods)),
            ("a 200-deep chain of wrappers", WrapperLayer.Chain(200)),
            ("a 1,000-method cycle of helpers", WrapperLayer.Cycle(1000)),
            ("one helper called from 5,000 sites", WrapperLayer.ManyCallSites(5000)),
        };

        var table = new TextTable("worst case", "lines", "compile wall ms", "ours exec ms", "ours analysis wall ms", "ours analysis CPU ms", "our diagnostics", "exec ms per analyzer");
        bool ok = true;
        double methodExec = double.NaN;
        foreach ((string name, CorpusFile file) in cases)
        {
            var corpus = new CorpusCompilation(CorpusGenerator.SupportFiles.Append(file).ToList(), options.Concurrent);
            RoundResults results = await new RoundRunner(corpus, new[] { measured }, options.Concurrent)
                .RunAsync(options.Warmup, rounds, options.Verbose ? Console.WriteLine : null);
            ok &= Checks.Report(results);
            double exec = ours is null ? double.NaN : results.Median(ours.Name, r => r.AnalyzerExecutionMs);
            double wall = ours is null ? double.NaN : results.Median(ours.Name, r => r.AnalysisWallMs);
            double cpu = ours is null ? double.NaN : results.Median(ours.Name, r => r.AnalysisCpuMs);
            string diagnostics = ours is null ? "-" : Describe(results.Of(ours.Name)[0].DiagnosticCounts);
            string perAnalyzer = ours is null ? "-" : Describe(results.Of(ours.Name)[0].PerAnalyzerMs.Keys.ToDictionary(
                name => name, name => (int)Statistics.Median(results.Of(ours.Name).Select(r => r.PerAnalyzerMs[name]))));
            methodExec = double.IsNaN(methodExec) ? exec : methodExec;
            table.Row(name, file.Text.Count(c => c == '\n').ToString("N0"), Format.Ms(results.Median(measured.Name, r => r.CompileMs)),
                Format.Ms(exec), Format.Ms(wall), Format.Ms(cpu), diagnostics, perAnalyzer);
        }

        Console.WriteLine();
        Console.WriteLine($"Worst cases: medians of {rounds} round(s) after {options.Warmup} warm-up round(s).");
        Console.Write(table);
        if (ours is not null)
        {
            Console.WriteLine($"Target: ours on the {statements:N0}-statement method < 1 s: {Format.Ms(methodExec)} ms -> {Format.Verdict(methodExec < MethodTargetMs)}");
        }

        return ok;
    }

    private static string Describe(IEnumerable<KeyValuePair<string, int>> counts) =>
        string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:N0}"));
}
