using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
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
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing DiagnosticAnalyzerAttribute", Justification = "Shipped inside DrmCallRulesAnalyzer; alone only in its tests.")]
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
        foreach (LeakedHandle leak in body.LeaksCreatedBy(invocation.Syntax, context))
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
        // Where the nearest leaking path loses it, the test that makes it exist, and through a user's
        // helper (its summary) the DRM call inside it; the message names the helper.
        string variable = leak.Variable ?? leak.Invocation.Syntax.ToString();
        RelatedLocations related = new RelatedLocations()
            .Add(leak.Lost?.Location, $"'{variable}' {leak.Lost?.Here}")
            .Add(leak.SuccessTest, $"'{variable}' exists only on the success side of this test")
            .Add(leak.Via?.InnerLocation, $"'{leak.Function}' creates it here");
        return Diagnostic.Create(
            Descriptors.HandleNotClosed,
            leak.Invocation.Syntax.GetLocation(),
            related.Locations,
            related.AddTo(data.ToProperties()),
            variable,
            leak.Via is { } helper ? $"{leak.Function}' through '{helper.Helper}" : leak.Function,
            leak.IsWrapper ? "Dispose" : data.CloseFunction,
            (object?)leak.Lost ?? "still open on a path out of the method");
    }
}
