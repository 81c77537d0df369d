using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.FlowInfrastructure;
using MsDrm.Analyzers.HresultFlow;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// MSDRM002: the HRESULT of an msdrm.dll call is dropped, either as a bare expression statement or
/// as a store into a local that is overwritten or goes out of scope before any read.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing DiagnosticAnalyzerAttribute", Justification = "Shipped inside DrmCallRulesAnalyzer; alone only in its tests.")]
public sealed class MSDRM002HresultIgnoredAnalyzer : DrmRuleAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.HresultIgnored);

    /// <inheritdoc />
    private protected override bool IsRelevant(RecognizedMethod method) => method.Function is not null || method.Summary is { ForwardsHresult: true };

    /// <inheritdoc />
    private protected override void AnalyzeCall(OperationAnalysisContext context, IInvocationOperation invocation, RecognizedMethod method, DrmBody body)
    {
        // A user method that forwards an HRESULT (its summary) is checked like the function it forwards.
        string name = method.Function?.Name ?? method.Summary!.Name;
        bool isClose = method.Function?.IsClose ?? method.Summary!.ForwardsOnlyCloses;
        if (!ReturnsHresult(invocation.TargetMethod)
            || (isClose && !AnalyzerOptionsReader.CheckCloseResults(context.Options, invocation.Syntax.SyntaxTree)))
        {
            return;
        }

        HresultUse use = HresultUseClassifier.Classify(invocation);
        if (use.Kind == HresultUseKind.Statement
            || (use.Kind == HresultUseKind.StoredInLocals && IsDropped(context, invocation, use.Locals, body)))
        {
            context.ReportDiagnostic(CreateDiagnostic(invocation, name, isClose));
        }
    }

    /// <summary>
    /// An HRESULT is an integer (or an enum over one, as some declarations spell it, or an HRESULT struct); methods returning
    /// anything else (void, a wrapper) have none to drop.
    /// </summary>
    private static bool ReturnsHresult(IMethodSymbol method)
    {
        ITypeSymbol type = method.ReturnType is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying }
            ? underlying
            : method.ReturnType;
        return type.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            || HresultStruct.IsHresultStruct(type);
    }

    /// <summary>True when every local the HRESULT went into loses it on some path before a read.</summary>
    private static bool IsDropped(OperationAnalysisContext context, IInvocationOperation invocation, ImmutableArray<ILocalSymbol> locals, DrmBody body)
    {
        foreach (ILocalSymbol local in locals)
        {
            if (ImmediateRead.IsReadByNextStatement(invocation, local))
            {
                return false;
            }
        }

        VariableSharing sharing = body.Sharing;
        foreach (ILocalSymbol local in locals)
        {
            if (sharing.IsSharedWithOtherFunction(invocation, local) || sharing.IsRefExposed(local))
            {
                return false;
            }
        }

        if (GetGraph(context) is not { } graph
            || !body.TryFindPosition(graph, invocation.Syntax, context.CancellationToken, out FlowPosition position))
        {
            return false;
        }

        foreach (ILocalSymbol local in locals)
        {
            if (!DeadStoreAnalysis.IsDeadOnSomePath(position, local, new FailureSides(graph, body.Recognizer, local)))
            {
                return false;
            }
        }

        return true;
    }

    private static ControlFlowGraph? GetGraph(OperationAnalysisContext context)
    {
        try
        {
            return context.GetControlFlowGraph();
        }
        catch (ArgumentException)
        {
            // A block kind without a control flow graph: no dead-store verdict, no report.
            return null;
        }
    }

    private static Diagnostic CreateDiagnostic(IInvocationOperation invocation, string name, bool isClose)
    {
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Function, name)
            .Add(DiagnosticProperties.IsClose, isClose ? "true" : "false");
        return Diagnostic.Create(Descriptors.HresultIgnored, invocation.Syntax.GetLocation(), properties, name);
    }
}
