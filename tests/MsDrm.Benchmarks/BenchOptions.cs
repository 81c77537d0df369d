namespace MsDrm.Benchmarks;

/// <summary>Command-line options. Modes: default (one corpus), --quick, --scaling, --worst-case, --fixes.</summary>
internal sealed record BenchOptions
{
    internal bool Quick { get; init; }
    internal bool Scaling { get; init; }
    internal bool WorstCase { get; init; }
    internal bool Profile { get; init; }
    internal bool OursOnly { get; init; }
    internal bool Fixes { get; init; }
    internal bool Concurrent { get; init; }
    internal bool Verbose { get; init; }
    internal int Files { get; init; } = 1000;
    /// <summary>Recorded rounds; 0 means the mode's default (5, or 3 for --scaling).</summary>
    internal int Rounds { get; init; }
    internal int Warmup { get; init; } = 1;

    internal const string Usage = """
        usage: MsDrm.Benchmarks [--quick | --scaling | --worst-case | --profile [--ours-only] | --fixes] [--files N] [--rounds N] [--warmup N] [--concurrent] [--verbose]
          (default)     N files (1,000), 5 rounds after 1 warm-up: compile alone, no-op driver, ours, CA2000+CA1806, IDisposableAnalyzers
          --quick       40 files, 1 round, no warm-up, plus a small worst case: proves the program works (CI)
          --scaling     ours at N = 250, 500, 1,000, 2,000 (3 rounds each): ms per file
          --worst-case  one method of 5,000 statements; one file of 500 DRM methods
          --profile     where our time goes: per rule, empty per-body callbacks, engine phases body by body
          --ours-only   with --profile: only our analyzers through the driver (as shipped and rule by rule), no probe and no engine phases (to run under a CPU profiler)
          --fixes       RegisterCodeFixesAsync per MSDRM001/MSDRM002 diagnostic of the corpus (median, max; 3 rounds)
          --concurrent  concurrent build and analysis (default: one thread, for steadier numbers)
        """;

    /// <summary>The rounds to record: the given count, else <paramref name="modeDefault"/>.</summary>
    internal int RoundsOr(int modeDefault) => Rounds > 0 ? Rounds : modeDefault;

    /// <summary>Parses the arguments; null (after printing usage) when they are not understood.</summary>
    internal static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": options = options with { Quick = true, Files = 40, Rounds = 1, Warmup = 0 }; break;
                case "--scaling": options = options with { Scaling = true }; break;
                case "--worst-case": options = options with { WorstCase = true }; break;
                case "--profile": options = options with { Profile = true }; break;
                case "--ours-only": options = options with { OursOnly = true }; break;
                case "--fixes": options = options with { Fixes = true }; break;
                case "--concurrent": options = options with { Concurrent = true }; break;
                case "--verbose": options = options with { Verbose = true }; break;
                case "--files" when TryNumber(args, ++i, out int files): options = options with { Files = files }; break;
                case "--rounds" when TryNumber(args, ++i, out int rounds): options = options with { Rounds = rounds }; break;
                case "--warmup" when TryNumber(args, ++i, out int warmup): options = options with { Warmup = warmup }; break;
                default:
                    Console.Error.WriteLine($"unknown or incomplete argument '{args[Math.Min(i, args.Length - 1)]}'");
                    Console.Error.WriteLine(Usage);
                    return null;
            }
        }

        return options;
    }

    private static bool TryNumber(string[] args, int index, out int value)
    {
        value = 0;
        return index < args.Length && int.TryParse(args[index], out value) && value >= 0;
    }
}
