using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>
/// An <c>out</c> argument is a write, not a read: the callee must assign it before returning and
/// cannot read the old value. The write happens when the call runs, after every argument is evaluated.
/// </summary>
internal static class OutArgument
{
    /// <summary>True when <paramref name="argument"/> passes <paramref name="local"/> itself as <c>out</c>.</summary>
    internal static bool Writes(IArgumentOperation argument, ILocalSymbol local)
        => argument.Parameter is { RefKind: RefKind.Out }
            && argument.Value is ILocalReferenceOperation reference
            && SymbolEqualityComparer.Default.Equals(reference.Local, local);

    /// <summary>True when the call <paramref name="operation"/> passes <paramref name="local"/> as an <c>out</c> argument.</summary>
    internal static bool CallWrites(IOperation operation, ILocalSymbol local)
    {
        var arguments = operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            IFunctionPointerInvocationOperation pointerCall => pointerCall.Arguments,
            _ => default,
        };

        if (arguments.IsDefault)
        {
            return false;
        }

        foreach (IArgumentOperation argument in arguments)
        {
            if (Writes(argument, local))
            {
                return true;
            }
        }

        return false;
    }
}
