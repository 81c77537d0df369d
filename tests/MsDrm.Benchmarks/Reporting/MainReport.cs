using MsDrm.Benchmarks.Corpus;
using MsDrm.Benchmarks.Measuring;

namespace MsDrm.Benchmarks.Reporting;

/// <summary>Prints the comparison table, the ratios and the targets of one corpus run.</summary>
internal static class MainReport
{
    internal static void Print(RoundResults results, CorpusCompilation corpus, int rounds)
    {
        Console.WriteLine();
        Console.WriteLine($"Corpus: {corpus.FileCount:N0} files, {corpus.LineCount:N0} lines; medians of {rounds} round(s).");
        var table = new TextTable("configuration", "analyzers", "compile wall ms", "compile CPU ms", "analysis wall ms", "analysis CPU ms", "analyzer exec ms", "diagnostics");
        foreach (AnalyzerSet set in results.Sets)
        {
            RunResult? first = results.Of(set.Name).FirstOrDefault();
            table.Row(
                set.Name,
                set.Analyzers.Length.ToString(),
                Format.Ms(results.Median(set.Name, r => r.CompileMs)),
                Format.Ms(results.Median(set.Name, r => r.CompileCpuMs)),
                set.IsCompileOnly ? "-" : Format.Ms(results.Median(set.Name, r => r.AnalysisWallMs)),
                set.IsCompileOnly ? "-" : Format.Ms(results.Median(set.Name, r => r.AnalysisCpuMs)),
                set.IsCompileOnly ? "-" : Format.Ms(results.Median(set.Name, r => r.AnalyzerExecutionMs)),
                first is null ? "-" : first.DiagnosticCounts.Values.Sum().ToString());
        }

        Console.Write(table);
        PrintRatios(results, corpus);
        PrintOurs(results);
    }

    private static void PrintRatios(RoundResults results, CorpusCompilation corpus)
    {
        string compileSet = AnalyzerSet.CompileOnly.Name;
        double compileWall = results.Median(compileSet, r => r.CompileMs);
        double compileCpu = results.Median(compileSet, r => r.CompileCpuMs);
        double Median(string set, Func<RunResult, double> value) => Has(results, set) ? results.Median(set, value) : double.NaN;
        double Exec(string set) => Median(set, r => r.AnalyzerExecutionMs);

        // Analysis time above the no-op driver: what a set adds beyond CompilationWithAnalyzers' own cost.
        double WallAbove(string set) => Median(set, r => r.AnalysisWallMs) - Median(DriverOnlyAnalyzer.SetName, r => r.AnalysisWallMs);
        double CpuAbove(string set) => Median(set, r => r.AnalysisCpuMs) - Median(DriverOnlyAnalyzer.SetName, r => r.AnalysisCpuMs);
        string ours = AnalyzerCatalog.OursName;
        double oursExec = Exec(ours);
        double caExec = Exec(AnalyzerCatalog.NetAnalyzersName);

        Console.WriteLine();
        var ratios = new TextTable("ratio", "analyzer exec time", "analysis CPU above driver", "analysis wall above driver");
        ratios.Row("ours / compile",
            Format.Ratio(Statistics.Ratio(oursExec, compileWall)),
            Format.Ratio(Statistics.Ratio(CpuAbove(ours), compileCpu)),
            Format.Ratio(Statistics.Ratio(WallAbove(ours), compileWall)));
        foreach (string other in new[] { AnalyzerCatalog.NetAnalyzersName, AnalyzerCatalog.IDisposableName })
        {
            ratios.Row($"ours / {other}",
                Format.Ratio(Statistics.Ratio(oursExec, Exec(other))),
                Format.Ratio(Statistics.Ratio(CpuAbove(ours), CpuAbove(other))),
                Format.Ratio(Statistics.Ratio(WallAbove(ours), WallAbove(other))));
        }

        Console.Write(ratios);
        if (!double.IsNaN(oursExec))
        {
            Console.WriteLine();
            Console.WriteLine($"Target: ours < 5% of compile time (N=1,000; this run N={corpus.FileCount - CorpusGenerator.SupportFiles.Count:N0}): {Format.Percent(oursExec / compileWall)} -> {Format.Verdict(oursExec < 0.05 * compileWall)}");
            Console.WriteLine($"Target: ours at least 10x cheaper than CA2000+CA1806: {Format.Ratio(Statistics.Ratio(oursExec, caExec))} -> {Format.Verdict(oursExec * 10 <= caExec)}");
        }
    }

    private static void PrintOurs(RoundResults results)
    {
        if (!Has(results, AnalyzerCatalog.OursName))
        {
            return;
        }

        IReadOnlyList<RunResult> ours = results.Of(AnalyzerCatalog.OursName);
        Console.WriteLine();
        var perAnalyzer = new TextTable("our analyzer", "exec ms (median)");
        foreach (string name in ours[0].PerAnalyzerMs.Keys.OrderBy(n => n, StringComparer.Ordinal))
        {
            perAnalyzer.Row(name, Format.Ms2(Statistics.Median(ours.Select(r => r.PerAnalyzerMs[name]))));
        }

        Console.Write(perAnalyzer);
        Console.WriteLine("Our diagnostics: " + string.Join(", ", ours[0].DiagnosticCounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));

        // Each run's exec time beside the GC pauses of its analysis: a pause lands on whichever callback allocates.
        Console.WriteLine("Ours per round (exec ms / GC pauses while analysing, ms): "
            + string.Join(", ", ours.Select(r => $"{r.AnalyzerExecutionMs:F0} / {r.AnalysisGcPauseMs:F0}")));
        PrintAmortized(results);
    }

    /// <summary>Ours with the GC amortized (see <see cref="RunResult.AmortizedExecMs"/>), from the accounted set of the same rounds.</summary>
    private static void PrintAmortized(RoundResults results)
    {
        if (!Has(results, AnalyzerCatalog.OursGcAccountedName))
        {
            return;
        }

        IReadOnlyList<RunResult> accounted = results.Of(AnalyzerCatalog.OursGcAccountedName);
        double compileWall = results.Median(AnalyzerSet.CompileOnly.Name, r => r.CompileMs);
        double amortized = Statistics.Median(accounted.Select(r => r.AmortizedExecMs));
        double caExec = Has(results, AnalyzerCatalog.NetAnalyzersName) ? results.Median(AnalyzerCatalog.NetAnalyzersName, r => r.AnalyzerExecutionMs) : double.NaN;
        Console.WriteLine($"Ours with GC amortized (exec - GC pauses inside ours + our allocation share x all pauses): {amortized:F0} ms = "
            + $"{Format.Percent(Statistics.Ratio(amortized, compileWall))} of compile, {Format.Ratio(Statistics.Ratio(amortized, caExec))} of CA2000+CA1806; per round "
            + string.Join(", ", accounted.Select(r => $"{r.AmortizedExecMs:F0}")));
        Console.WriteLine($"  of which inside ours: own work {Statistics.Median(accounted.Select(r => r.ExecWithoutPausesMs)):F0} ms, "
            + $"allocated {Statistics.Median(accounted.Select(r => r.AllocatedInCallbacksBytes / 1e6)):F2} MB "
            + $"({Format.Percent(Statistics.Median(accounted.Select(r => r.AllocationShare)))} of the analysis's); "
            + "per round exec / pauses inside: " + string.Join(", ", accounted.Select(r => $"{r.AnalyzerExecutionMs:F0} / {r.GcPauseInCallbacksMs:F0}")));
    }

    private static bool Has(RoundResults results, string set) => results.Sets.Any(s => s.Name == set) && results.Of(set).Count > 0;
}
