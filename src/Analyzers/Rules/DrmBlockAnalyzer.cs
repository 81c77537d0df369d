using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// What every MSDRM rule sets up the same way: concurrent execution, generated code skipped, the
/// API model resolved once per compilation, then one callback per executable body.
/// </summary>
public abstract class DrmBlockAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            DrmCallRecognizer recognizer = DrmCallRecognizer.Create(start.Compilation);
            start.RegisterOperationBlockStartAction(block => OnBlockStart(block, recognizer));
        });
    }

    /// <summary>Registers the rule's actions for one body; keep it cheap for bodies without DRM calls.</summary>
    private protected abstract void OnBlockStart(OperationBlockStartAnalysisContext context, DrmCallRecognizer recognizer);
}
