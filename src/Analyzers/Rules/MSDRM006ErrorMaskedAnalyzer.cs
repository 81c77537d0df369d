using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.MaskedErrors;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// MSDRM006: a failed HRESULT in a local is overwritten by a close function's result (cleanup), and that
/// result is then returned or thrown, so the method reports the close's outcome instead of the failure.
/// Thin: the body's masked-error flow finds them; this reports the one whose assignment holds the call.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing DiagnosticAnalyzerAttribute", Justification = "Shipped inside DrmCallRulesAnalyzer; alone only in its tests.")]
public sealed class MSDRM006ErrorMaskedAnalyzer : DrmRuleAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ErrorMasked);

    /// <inheritdoc />
    private protected override bool IsRelevant(RecognizedMethod method) => MaskContext.IsCleanupMethod(method);

    /// <inheritdoc />
    private protected override void AnalyzeCall(OperationAnalysisContext context, IInvocationOperation invocation, RecognizedMethod method, DrmBody body)
    {
        // `local = DRMCloseX(...)`, possibly chained (`hr = rc = DRMCloseX(...)`), is what can mask a failure.
        var assignments = new List<SyntaxNode>();
        IOperation value = invocation;
        while (true)
        {
            while (value.Parent is IConversionOperation conversion)
            {
                value = conversion;
            }

            if (value.Parent is not ISimpleAssignmentOperation { Target: ILocalReferenceOperation } assignment || assignment.Value != value)
            {
                break;
            }

            assignments.Add(assignment.Syntax);
            value = assignment;
        }

        if (assignments.Count == 0)
        {
            return;
        }

        foreach (MaskedError error in body.GetMaskedErrors(context))
        {
            if (assignments.Contains(error.Assignment))
            {
                var related = new RelatedLocations();
                foreach (SyntaxNode failure in error.Failures)
                {
                    related.Add(failure.GetLocation(), $"'{error.Local}' holds a failure here");
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ErrorMasked,
                    error.Assignment.GetLocation(),
                    related.Locations,
                    related.AddTo(ImmutableDictionary<string, string?>.Empty),
                    error.Local,
                    error.CloseFunction,
                    "failed on " + RelatedLocations.LinesOf(related.Locations)));
            }
        }
    }
}
