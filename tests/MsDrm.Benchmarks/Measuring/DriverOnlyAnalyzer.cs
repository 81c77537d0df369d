using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MsDrm.Benchmarks.Measuring;

/// <summary>
/// An analyzer that asks for every invocation operation and does nothing with it. Its analysis
/// wall time is what CompilationWithAnalyzers costs by itself (binding the compilation again for
/// its event queue, building operation trees), the floor every other set's wall time includes.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DriverOnlyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Info, isEnabledByDefault: true);

    internal const string SetName = "driver only (no-op)";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    /// <summary>The no-op analyzer as a set of its own.</summary>
    internal static AnalyzerSet Set { get; } = new(
        SetName, ImmutableArray.Create<DiagnosticAnalyzer>(new DriverOnlyAnalyzer()), ImmutableDictionary<string, ReportDiagnostic>.Empty);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
    }
}
