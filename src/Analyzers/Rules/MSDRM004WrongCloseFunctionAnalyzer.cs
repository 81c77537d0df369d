using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.HandleFlow;
using MsDrm.Analyzers.Hresults;
using MsDrm.Analyzers.SafeHandles;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// MSDRM004: a handle passed to the close function of another kind. Raw handles: the body's handle flow
/// records the kinds each close argument may hold; this reports a close whose argument holds one kind,
/// another than the function closes. SafeHandle subclasses: <see cref="ReleaseHandleAudit"/> compares the
/// close of <c>handle</c> in <c>ReleaseHandle</c> with the kind the imports create into the type.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing DiagnosticAnalyzerAttribute", Justification = "Shipped inside DrmCallRulesAnalyzer; alone only in its tests.")]
public sealed class MSDRM004WrongCloseFunctionAnalyzer : DrmRuleAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.WrongCloseFunction);

    /// <inheritdoc />
    /// <remarks>With the summaries (issue 12) a closing method of the user's joins here: the flow records its closes too.</remarks>
    private protected override bool IsRelevant(RecognizedMethod method) => method.Function is { IsClose: true };

    /// <inheritdoc />
    private protected override void AnalyzeCall(OperationAnalysisContext context, IInvocationOperation invocation, RecognizedMethod method, DrmBody body)
    {
        string called = DrmCallRecognizer.DisplayName(method.Function, invocation.TargetMethod);
        if (method.Function is { } function
            && ReleaseHandleAudit.For(context.Compilation, DrmCallRecognizer.For(context.Compilation))
                .CreatedKindIfWrong(context.ContainingSymbol, invocation, function) is HandleKind created)
        {
            context.ReportDiagnostic(CreateDiagnostic(invocation, created, "handle", called));
            return;
        }

        if (body.GetHandleFlow(context) is not { WrongCloses.Length: > 0 } flow)
        {
            return;
        }

        foreach (WrongClose close in flow.WrongCloses)
        {
            if (close.Invocation.Syntax == invocation.Syntax)
            {
                context.ReportDiagnostic(CreateDiagnostic(invocation, close.HeldKind, NameOf(close.Argument.Value), called));
            }
        }
    }

    private static Diagnostic CreateDiagnostic(IInvocationOperation invocation, HandleKind held, string variable, string called)
        => Diagnostic.Create(
            Descriptors.WrongCloseFunction,
            invocation.Syntax.GetLocation(),
            WrongCloseProperties.For(held),
            variable,
            held.NativeTypeName(),
            called,
            held.CloseFunction());

    /// <summary>The variable the argument reads, else its source text.</summary>
    private static string NameOf(IOperation value) => OperationShapes.StripConversions(value) switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        var other => other.Syntax.ToString(),
    };
}
