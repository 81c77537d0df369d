using MsDrm.Benchmarks;
using MsDrm.Benchmarks.Modes;

// Entry point: see docs/benchmarks.md. Exit 0 on success; 1 when an analyzer threw (or reported
// AD0001) or the generated corpus does not compile; 2 on bad arguments.
BenchOptions? options = BenchOptions.Parse(args);
if (options is null)
{
    return 2;
}

string? loadAtStart = MsDrm.Benchmarks.Measuring.PhaseClock.LoadAverage();
try
{
    Console.WriteLine($"MsDrm.Benchmarks: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, " +
        $"Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}, {(options.Concurrent ? "concurrent" : "single-threaded")} build and analysis");
    bool ok;
    if (options.Scaling)
    {
        ok = await ScalingMode.RunAsync(options);
    }
    else if (options.Profile)
    {
        ok = await ProfileMode.RunAsync(options);
    }
    else if (options.Fixes)
    {
        ok = await FixesMode.RunAsync(options);
    }
    else if (options.WorstCase)
    {
        ok = await WorstCaseMode.RunAsync(options);
    }
    else
    {
        ok = await CorpusMode.RunAsync(options);
        if (options.Quick)
        {
            ok &= await WorstCaseMode.RunAsync(options with { Rounds = 1, Warmup = 0 }, statements: 500, methods: 50);
        }
    }

    // Other work on the machine inflates wall times: say how busy it was.
    Console.WriteLine($"Load average (1 min): {loadAtStart ?? "?"} at start, {MsDrm.Benchmarks.Measuring.PhaseClock.LoadAverage() ?? "?"} at end, on {Environment.ProcessorCount} cores.");
    Console.WriteLine(ok ? "MsDrm.Benchmarks: done." : "MsDrm.Benchmarks: FAILED (see above).");
    return ok ? 0 : 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"MsDrm.Benchmarks: unexpected exception: {e}");
    return 1;
}
