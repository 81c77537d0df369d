using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>The operations whose operands the handle flow treats as stored or handed over (an escape), not just read.</summary>
internal static class EscapeContexts
{
    /// <summary>Parents whose operands are stored or handed over, not just read.</summary>
    internal static bool Contains(IOperation operation) => operation.Kind switch
    {
        OperationKind.Argument => true,
        OperationKind.ArrayInitializer => true,
        OperationKind.Tuple => true,
        OperationKind.Return => true,
        OperationKind.YieldReturn => true,
        OperationKind.AnonymousObjectCreation => true,
        OperationKind.DeconstructionAssignment => true,
        OperationKind.AddressOf => true,
        OperationKind.DynamicInvocation => true,
        OperationKind.DynamicObjectCreation => true,
        OperationKind.DynamicIndexerAccess => true,
        OperationKind.None => true,
        _ => false,
    };
}
