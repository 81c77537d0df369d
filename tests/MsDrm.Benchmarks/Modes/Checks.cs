using MsDrm.Benchmarks.Measuring;

namespace MsDrm.Benchmarks.Modes;

/// <summary>What makes a run fail, whatever the mode.</summary>
internal static class Checks
{
    /// <summary>Prints analyzer failures and compile errors; true when there are none.</summary>
    internal static bool Report(RoundResults results)
    {
        foreach (string failure in results.Failures)
        {
            Console.WriteLine($"ANALYZER FAILURE {failure}");
        }

        if (results.CompilerErrors > 0)
        {
            Console.WriteLine($"CORPUS ERROR: the generated corpus has {results.CompilerErrors} compiler error(s); the generator is wrong.");
            foreach (string error in results.CompilerErrorSamples)
            {
                Console.WriteLine("  " + error);
            }
        }

        return results.Failures.Count == 0 && results.CompilerErrors == 0;
    }

    /// <summary>Ours, or null (with a note) while MsDrm.Analyzers holds no analyzer yet.</summary>
    internal static AnalyzerSet? OursOrNote()
    {
        AnalyzerSet ours = AnalyzerCatalog.Ours();
        if (ours.Analyzers.IsEmpty)
        {
            Console.WriteLine("note: MsDrm.Analyzers contains no DiagnosticAnalyzer yet; our rows are skipped.");
            return null;
        }

        Console.WriteLine("Our analyzers: " + string.Join(", ", ours.Analyzers.Select(a => a.GetType().Name)));
        return ours;
    }
}
