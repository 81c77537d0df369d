using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.FlowInfrastructure;

/// <summary>The root of an operation tree, and which roots are executable bodies the rules analyse.</summary>
internal static class OperationRoots
{
    /// <summary>The outermost operation: a method's body block hangs under its IMethodBodyOperation.</summary>
    internal static IOperation RootOf(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    /// <summary>
    /// Method, constructor and accessor bodies, and top-level statements. Field and property
    /// initialisers are not: whatever they create is stored in a member (it escapes).
    /// </summary>
    internal static bool IsExecutableBody(IOperation root)
        => root.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block;
}
