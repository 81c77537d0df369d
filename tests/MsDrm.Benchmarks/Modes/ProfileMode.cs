using MsDrm.Benchmarks.Corpus;
using MsDrm.Benchmarks.Measuring;
using MsDrm.Benchmarks.Reporting;

namespace MsDrm.Benchmarks.Modes;

/// <summary>
/// --profile: where our analyzers' time goes on the corpus. Through the driver: each rule's
/// execution time and what the per-body callbacks cost when empty. Outside the driver: the engine's
/// phases (pre-filter, recognizer lookups, graphs, solver, reporting) timed body by body.
/// </summary>
internal static class ProfileMode
{
    internal static async Task<bool> RunAsync(BenchOptions options)
    {
        if (Checks.OursOrNote() is not { } ours)
        {
            return true;
        }

        AnalyzerSet byRule = AnalyzerCatalog.OursRuleByRule();
        AnalyzerSet accounted = AnalyzerCatalog.OursGcAccounted();
        var sets = new List<AnalyzerSet> { ours, byRule, accounted };
        if (!options.OursOnly)
        {
            sets.Add(RegistrationShapeProbe.Set);
        }

        int rounds = options.RoundsOr(3);
        var files = CorpusGenerator.Generate(options.Files);
        var corpus = new CorpusCompilation(files, options.Concurrent);
        Console.WriteLine($"Generated {options.Files:N0} files; {options.Warmup} warm-up round(s), {rounds} round(s).");
        RoundResults results = await new RoundRunner(corpus, sets, options.Concurrent)
            .RunAsync(options.Warmup, rounds, options.Verbose ? Console.WriteLine : null);
        bool ok = Checks.Report(results);

        double compile = results.Median(ours.Name, r => r.CompileMs);
        var driver = new TextTable("through the driver (medians)", "exec ms", "share of compile");
        driver.Row("compile wall", Format.Ms(compile), "-");
        driver.Row("ours, all rules", Format.Ms2(results.Median(ours.Name, r => r.AnalyzerExecutionMs)),
            Format.Percent(Statistics.Ratio(results.Median(ours.Name, r => r.AnalyzerExecutionMs), compile)));
        foreach (string analyzer in results.Of(ours.Name)[0].PerAnalyzerMs.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            double ms = results.Median(ours.Name, r => r.PerAnalyzerMs[analyzer]);
            driver.Row("  " + analyzer, Format.Ms2(ms), Format.Percent(Statistics.Ratio(ms, compile)));
        }

        driver.Row("  allocated while analysing (MB, driver's included)", Format.Megabytes(results.Median(ours.Name, r => r.AnalysisAllocatedBytes / 1e6)), "-");
        driver.Row("  collections gen0 / gen1 / gen2 (median)", string.Join(" / ", Enumerable.Range(0, 3).Select(g => results.Median(ours.Name, r => r.AnalysisCollections[g]))), "-");
        driver.Row("  GC pauses while analysing (ms, paid by whichever callback allocates)", Format.Ms(results.Median(ours.Name, r => r.AnalysisGcPauseMs)), "-");

        // Ours again, with the GC pauses that fell inside our callbacks counted apart.
        double accountedExec = results.Median(accounted.Name, r => r.AnalyzerExecutionMs);
        driver.Row("ours again, GC pauses inside our callbacks counted", Format.Ms2(accountedExec), Format.Percent(Statistics.Ratio(accountedExec, compile)));
        driver.Row("  GC pauses inside our callbacks (median)", Format.Ms2(results.Median(accounted.Name, r => r.GcPauseInCallbacksMs)), "-");
        double withoutPauses = results.Median(accounted.Name, r => r.ExecWithoutPausesMs);
        driver.Row("  exec without those pauses (median)", Format.Ms2(withoutPauses), Format.Percent(Statistics.Ratio(withoutPauses, compile)));
        driver.Row("  allocated inside our callbacks (MB, share of the analysis's)",
            Format.Megabytes(results.Median(accounted.Name, r => r.AllocatedInCallbacksBytes / 1e6)), Format.Percent(results.Median(accounted.Name, r => r.AllocationShare)));
        double expectedPauses = results.Median(accounted.Name, r => r.AllocationSharePausesMs);
        driver.Row("  GC pauses our allocations cost on average (allocation share x pauses)", Format.Ms2(expectedPauses), Format.Percent(Statistics.Ratio(expectedPauses, compile)));

        double amortized = results.Median(accounted.Name, r => r.AmortizedExecMs);
        driver.Row("  exec with GC amortized (exec - pauses inside + allocation share x pauses)", Format.Ms2(amortized), Format.Percent(Statistics.Ratio(amortized, compile)));
        driver.Row("  per round: exec with GC amortized", string.Join(", ", results.Of(accounted.Name).Select(r => $"{r.AmortizedExecMs:F0}")), "-");
        driver.Row("  per round: exec / pauses inside", string.Join(", ", results.Of(accounted.Name).Select(r => $"{r.AnalyzerExecutionMs:F0} / {r.GcPauseInCallbacksMs:F0}")), "-");

        // The same rules as separate analyzers: each rule's share, and what one callback per rule costs.
        driver.Row("rule by rule, each its own analyzer", Format.Ms2(results.Median(byRule.Name, r => r.AnalyzerExecutionMs)),
            Format.Percent(Statistics.Ratio(results.Median(byRule.Name, r => r.AnalyzerExecutionMs), compile)));
        foreach (string rule in results.Of(byRule.Name)[0].PerAnalyzerMs.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            double ms = results.Median(byRule.Name, r => r.PerAnalyzerMs[rule]);
            driver.Row("  " + rule, Format.Ms2(ms), Format.Percent(Statistics.Ratio(ms, compile)));
        }

        if (options.OursOnly)
        {
            Console.WriteLine();
            Console.Write(driver);
            return ok;
        }

        double probe = results.Median(RegistrationShapeProbe.SetName, r => r.AnalyzerExecutionMs);
        driver.Row("empty block start + invocation + block end (one rule's shape)", Format.Ms2(probe), Format.Percent(Statistics.Ratio(probe, compile)));
        driver.Row("  allocated while analysing (MB, driver's included)", Format.Megabytes(results.Median(RegistrationShapeProbe.SetName, r => r.AnalysisAllocatedBytes / 1e6)), "-");
        Console.WriteLine();
        Console.Write(driver);

        Console.WriteLine();
        EnginePhaseProfile.Print(corpus, rounds);
        return ok;
    }
}
