using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.FlowInfrastructure;

/// <summary>
/// Recognises references that hand out a lasting reference to a local (a ref alias, an address, a
/// reference a callee can keep in its result). Reads through such an alias are invisible to the
/// flow analysis, so a store into that local is never judged dead.
/// </summary>
internal static class RefExposure
{
    /// <summary>True when <paramref name="reference"/> lets the local be read or written through another name later.</summary>
    internal static bool ExposesReference(ILocalReferenceOperation reference)
    {
        switch (reference.Parent)
        {
            case IAddressOfOperation:
                return true;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.IsRef: true } }:
                // ref int alias = ref hr;
                return true;
            case ISimpleAssignmentOperation { IsRef: true } assignment when assignment.Value == reference:
                // alias = ref hr;
                return true;
            case IConditionalOperation { IsRef: true }:
                // ref int alias = ref flag ? ref hr : ref other;
                return true;
            case IArgumentOperation argument:
                return ArgumentCanKeepReference(argument);
            case { Kind: OperationKind.None }:
                // A construct the operation tree does not model (__makeref, ...): do not guess.
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A <c>ref</c>/<c>in</c> argument outlives the call only through a ref return or a ref struct
    /// (the result, another parameter, or the receiver); otherwise the call is an ordinary read.
    /// An <c>out</c> argument is a write, never an alias.
    /// </summary>
    private static bool ArgumentCanKeepReference(IArgumentOperation argument)
    {
        if (argument.Parameter is not { } parameter)
        {
            // Broken code or an __arglist: nothing to check against.
            return true;
        }

        if (parameter.RefKind is RefKind.None or RefKind.Out)
        {
            return false;
        }

        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            // An indexer or another member kind taking a reference: treat as kept.
            return true;
        }

        if (method.RefKind != RefKind.None || method.ReturnType.IsRefLikeType)
        {
            return true;
        }

        if (!method.IsStatic && method.ContainingType is { IsRefLikeType: true })
        {
            return true;
        }

        foreach (IParameterSymbol other in method.Parameters)
        {
            if (other.Type.IsRefLikeType)
            {
                return true;
            }
        }

        return false;
    }
}
