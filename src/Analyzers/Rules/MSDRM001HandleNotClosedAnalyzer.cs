using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.HandleFlow;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// MSDRM001: a handle created by an msdrm.dll function (or a runtime wrapper) is not closed on
/// every path. Thin: the body's handle flow finds the leaks, this turns those of each creating call
/// into diagnostics.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MSDRM001HandleNotClosedAnalyzer : DrmRuleAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.HandleNotClosed);

    /// <inheritdoc />
    private protected override bool IsRelevant(RecognizedMethod method) => method.CanCreateHandle;

    /// <inheritdoc />
    private protected override void AnalyzeCall(OperationAnalysisContext context, IInvocationOperation invocation, RecognizedMethod method, DrmBody body)
    {
        foreach (LeakedHandle leak in body.LeaksCreatedBy(invocation.Syntax, context.GetControlFlowGraph, context.CancellationToken))
        {
            context.ReportDiagnostic(CreateDiagnostic(leak));
        }
    }

    private static Diagnostic CreateDiagnostic(LeakedHandle leak)
    {
        var data = new HandleDiagnosticData(
            leak.Kind,
            leak.Variable is null or "_" ? string.Empty : leak.Variable,
            leak.IsWrapper,
            leak.Function,
            leak.SuccessConditional);
        // Through a user's helper (its summary): the message names it, and the DRM call inside it is shown too.
        return Diagnostic.Create(
            Descriptors.HandleNotClosed,
            leak.Invocation.Syntax.GetLocation(),
            leak.Via is { } via ? new[] { via.InnerLocation } : null,
            data.ToProperties(),
            leak.Variable ?? leak.Invocation.Syntax.ToString(),
            leak.Via is { } helper ? $"{leak.Function}' through '{helper.Helper}" : leak.Function,
            leak.IsWrapper ? "Dispose" : data.CloseFunction);
    }
}
