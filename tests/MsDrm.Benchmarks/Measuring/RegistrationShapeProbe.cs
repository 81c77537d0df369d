using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MsDrm.Benchmarks.Measuring;

/// <summary>
/// An analyzer that registers the callbacks one rule registers per body (a block start, an
/// invocation action, a block end) and does nothing in them: its execution time is what the driver
/// charges a rule for the shape of its registration alone, before the rule does any work.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class RegistrationShapeProbe : DiagnosticAnalyzer
{
    internal const string SetName = "probe: per-body callbacks, empty";

    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Info, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    internal static AnalyzerSet Set { get; } = new(
        SetName, ImmutableArray.Create<DiagnosticAnalyzer>(new RegistrationShapeProbe()), ImmutableDictionary<string, ReportDiagnostic>.Empty);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start => start.RegisterOperationBlockStartAction(block =>
        {
            block.RegisterOperationAction(_ => { }, OperationKind.Invocation);
            block.RegisterOperationBlockEndAction(_ => { });
        }));
    }
}
