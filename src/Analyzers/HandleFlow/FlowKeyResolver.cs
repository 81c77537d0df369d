using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.FlowInfrastructure;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Which key of the flow state an operation stands for: a variable (local, parameter, flow capture,
/// ref aliases resolved), or for an HRESULT test the creating call itself.
/// </summary>
internal static class FlowKeyResolver
{
    /// <summary>A variable of any kind (for reading what it holds).</summary>
    internal static object? VariableKey(IOperation operation, VariableSharing sharing) => OperationShapes.StripConversions(operation) switch
    {
        ILocalReferenceOperation local => sharing.ResolveAlias(local.Local),
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFlowCaptureReferenceOperation capture => CaptureKeys.Of(capture.Id),
        IFieldReferenceOperation field => StructField(field, sharing),
        _ => null,
    };

    /// <summary>
    /// A variable this body owns and may track: a plain local or by-value parameter nobody captures;
    /// with <paramref name="ownOutputs"/> (summaries), also the method's own out/ref parameters.
    /// </summary>
    internal static object? TrackableKey(IOperation target, VariableSharing sharing, bool ownOutputs = false) => target switch
    {
        ILocalReferenceOperation { Local: var local } when sharing.ResolveAlias(local) is var variable
            && !sharing.IsUntrackable(variable) => variable switch
            {
                ILocalSymbol { RefKind: RefKind.None } => variable,
                IParameterSymbol { RefKind: RefKind.None } => variable,

                // fixed (uint* p = &output): writing through p writes the method's own out/ref parameter.
                IParameterSymbol { RefKind: RefKind.Out or RefKind.Ref } when ownOutputs => variable,
                _ => null,
            },
        IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter } when !sharing.IsUntrackable(parameter) => parameter,
        IParameterReferenceOperation { Parameter: { RefKind: RefKind.Out or RefKind.Ref } output } when ownOutputs && !sharing.IsUntrackable(output) => output,
        IFieldReferenceOperation field => StructField(field, sharing),
        _ => null,
    };

    /// <summary>
    /// A field of a plain local struct that nobody captures (<c>parameters.hEnablingPrincipal</c>, or a
    /// tuple local's <c>t.h</c>), else null.
    /// </summary>
    private static StructFieldKey? StructField(IFieldReferenceOperation field, VariableSharing sharing)
        => field is { Field.IsStatic: false, Instance: ILocalReferenceOperation { Local: { RefKind: RefKind.None, Type: { TypeKind: TypeKind.Struct } } local } }
            && sharing.ResolveAlias(local) is ILocalSymbol owner && !sharing.IsUntrackable(owner)
            ? new StructFieldKey(owner, ElementField(field.Field))
            : null;

    /// <summary>
    /// One symbol per tuple element whatever it is called: <c>t.h</c> and <c>t.Item1</c> are the same
    /// field (the generic <c>ValueTuple</c>'s <c>Item1</c>); any other field is itself.
    /// </summary>
    internal static IFieldSymbol ElementField(IFieldSymbol field)
        => field.ContainingType is { IsTupleType: true } && field.CorrespondingTupleField is { } element
            ? element.OriginalDefinition
            : field;

    /// <summary>What an HRESULT test refers to: the creating call itself, or the variable holding its result.</summary>
    internal static object? HresultKey(IOperation operation, VariableSharing sharing)
    {
        IOperation stripped = OperationShapes.StripConversions(operation);
        return stripped switch
        {
            IInvocationOperation => stripped,

            // (hr = DRMX(...)) < 0 tests the call's value, which hr now holds too.
            ISimpleAssignmentOperation { IsRef: false } assignment => HresultKey(assignment.Value, sharing),
            _ => VariableKey(stripped, sharing),
        };
    }
}
