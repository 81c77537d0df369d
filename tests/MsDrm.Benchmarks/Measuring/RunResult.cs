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
    /// <summary>Compile plus analysis, as a build with these analyzers would spend.</summary>
    internal double TotalWallMs => CompileMs + AnalysisWallMs;
}
