using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>The operations whose operands a handle escapes through (stored or handed over, not just read).</summary>
internal static class EscapeContexts
{
    /// <summary>True for a parent whose operands are stored or handed over.</summary>
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
