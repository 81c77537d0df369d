using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.HandleFlow;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// MSDRM005: a handle is closed while a handle made from it (its child, column parent_param of the API
/// table) is still open on that path and closed later on it. Thin: the body's handle flow finds the early
/// parent closes; this reports those located on the call it is looking at (a close call, a wrapper's
/// <c>Dispose()</c>, or the resource creation of a <c>using</c> whose implicit disposal closes the parent).
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing DiagnosticAnalyzerAttribute", Justification = "Shipped inside DrmCallRulesAnalyzer; alone only in its tests.")]
public sealed class MSDRM005CloseOrderAnalyzer : DrmRuleAnalyzer
{
    /// <summary>Diagnostic property: the span starts of the children's later closes, comma-separated (for the fix).</summary>
    internal const string ChildClosesProperty = "ChildCloses";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CloseOrder);

    /// <inheritdoc />
    private protected override bool IsRelevant(RecognizedMethod method) => method.Function is { IsClose: true } || method.IsRuntime || method.Summary is { HasEffects: true };

    /// <inheritdoc />
    private protected override bool IsRelevantOtherCall(IInvocationOperation invocation, DrmCallRecognizer recognizer)
        => invocation.TargetMethod is { Name: "Dispose" or "Close", Parameters.Length: 0 }
            && recognizer.GetWrapperKind(invocation.Instance?.Type) is not null;

    /// <inheritdoc />
    private protected override void AnalyzeCall(OperationAnalysisContext context, IInvocationOperation invocation, RecognizedMethod method, DrmBody body)
    {
        if (body.GetHandleFlow(context) is not { CloseOrders.Length: > 0 } flow)
        {
            return;
        }

        foreach (CloseOrderViolation order in flow.CloseOrdersAt(invocation.Syntax))
        {
            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                .Add(ChildClosesProperty, string.Join(",", order.ChildCloses.Select(close => close.Syntax.SpanStart)));
            var related = new RelatedLocations();
            foreach (var child in order.Children)
            {
                related.Add(child.Invocation.Syntax.GetLocation(), $"'{child.Function}' makes a child of '{order.ParentClose.Variable}' here, still open at the close");
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.CloseOrder,
                invocation.Syntax.GetLocation(),
                related.Locations,
                related.AddTo(properties),
                order.ParentClose.Variable,
                string.Join("', '", order.ChildNames),
                string.Join("', '", order.Children.Select(child => child.Function).Distinct()),
                RelatedLocations.LinesOf(related.Locations)));
        }
    }
}
