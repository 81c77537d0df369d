using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MsDrm.Benchmarks.Measuring;

/// <summary>
/// A named group of analyzers measured together, with the diagnostic ids that must be switched on
/// explicitly (CA2000 is off by default) through the compilation's specific diagnostic options.
/// </summary>
internal sealed record AnalyzerSet(
    string Name,
    ImmutableArray<DiagnosticAnalyzer> Analyzers,
    ImmutableDictionary<string, ReportDiagnostic> EnabledDiagnostics)
{
    /// <summary>The compiler alone: no analyzer.</summary>
    internal static AnalyzerSet CompileOnly { get; } = new(
        "compile", ImmutableArray<DiagnosticAnalyzer>.Empty, ImmutableDictionary<string, ReportDiagnostic>.Empty);

    internal bool IsCompileOnly => Analyzers.IsEmpty;
}
