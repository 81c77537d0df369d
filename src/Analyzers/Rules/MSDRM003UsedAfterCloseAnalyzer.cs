using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.HandleFlow;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// MSDRM003: a handle value that was already closed (by its close function, or by the disposal of a
/// wrapper that adopted it) reaches a close function again or is passed to any DRM function. Thin: the
/// body's handle flow finds the closed uses; this reports those located on the call it is looking at.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing DiagnosticAnalyzerAttribute", Justification = "Shipped inside DrmCallRulesAnalyzer; alone only in its tests.")]
public sealed class MSDRM003UsedAfterCloseAnalyzer : DrmRuleAnalyzer
{
    /// <summary>Diagnostic property: "true" when the reported call is a second close that can simply be removed.</summary>
    internal const string SecondCloseProperty = "SecondClose";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UsedAfterClose);

    /// <inheritdoc />
    private protected override bool IsRelevant(RecognizedMethod method) => method.Function is not null || method.IsRuntime || method.Summary is { HasEffects: true };

    /// <inheritdoc />
    private protected override void AnalyzeCall(OperationAnalysisContext context, IInvocationOperation invocation, RecognizedMethod method, DrmBody body)
    {
        if (body.GetHandleFlow(context) is not { ClosedUses.Length: > 0 } flow)
        {
            return;
        }

        foreach (ClosedHandleUse use in flow.ClosedUsesAt(invocation.Syntax))
        {
            // Removing the close is safe only for a close function, closed before on every path, by another call (not the same call in a loop).
            bool secondClose = use.IsClose && use.OnEveryPath && method.Function is { IsClose: true } && use.FirstClose.Invocation.Syntax != invocation.Syntax;
            Location firstClose = use.FirstClose.Invocation.Syntax.GetLocation();
            RelatedLocations related = new RelatedLocations().Add(firstClose, $"'{use.Variable}' is first closed here by '{use.FirstClose.Function}'");
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UsedAfterClose,
                invocation.Syntax.GetLocation(),
                related.Locations,
                related.AddTo(secondClose ? ImmutableDictionary<string, string?>.Empty.Add(SecondCloseProperty, "true") : ImmutableDictionary<string, string?>.Empty),
                use.Variable,
                use.Function,
                use.FirstClose.Function,
                RelatedLocations.LineOf(firstClose)));
        }
    }
}
