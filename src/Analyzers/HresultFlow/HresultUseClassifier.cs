using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>
/// Classifies where the value of an invocation goes by walking up its parents: statement, discard,
/// local store(s), or any other read. Casts and conditional access are transparent.
/// </summary>
internal static class HresultUseClassifier
{
    internal static HresultUse Classify(IInvocationOperation invocation)
    {
        IOperation current = SkipTransparentParents(invocation);
        IOperation? parent = current.Parent;
        ImmutableArray<ILocalSymbol>.Builder? locals = null;

        while (true)
        {
            switch (parent)
            {
                case IExpressionStatementOperation:
                    return locals is null
                        ? HresultUse.Of(HresultUseKind.Statement)
                        : new HresultUse(HresultUseKind.StoredInLocals, locals.ToImmutable());

                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    if (assignment.Target is IDiscardOperation && locals is null)
                    {
                        return HresultUse.Of(HresultUseKind.Discarded);
                    }

                    if (assignment.Target is not ILocalReferenceOperation { Local: { IsRef: false } local })
                    {
                        // A field, property, array element, parameter or discard inside a chain: the value escapes.
                        return HresultUse.Of(HresultUseKind.Read);
                    }

                    (locals ??= ImmutableArray.CreateBuilder<ILocalSymbol>()).Add(local);
                    current = SkipTransparentParents(assignment);
                    parent = current.Parent;
                    continue;

                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { IsRef: false } declared } }:
                    (locals ??= ImmutableArray.CreateBuilder<ILocalSymbol>()).Add(declared);
                    return new HresultUse(HresultUseKind.StoredInLocals, locals.ToImmutable());

                default:
                    return HresultUse.Of(HresultUseKind.Read);
            }
        }
    }

    /// <summary>Climbs over conversions (casts) and the conditional access an expression is the tail of.</summary>
    private static IOperation SkipTransparentParents(IOperation operation)
    {
        while (true)
        {
            switch (operation.Parent)
            {
                case IConversionOperation conversion:
                    operation = conversion;
                    break;
                case IConditionalAccessOperation access when access.WhenNotNull == operation:
                    operation = access;
                    break;
                default:
                    return operation;
            }
        }
    }
}
