using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>
/// The common shape <c>int hr = call; if (hr &lt; 0) ...</c> answered without a control flow graph:
/// the statement right after the store, in the same block, reads the local for certain before
/// anything else touches it. Anything less clear goes to <see cref="DeadStoreAnalysis"/>.
/// </summary>
internal static class ImmediateRead
{
    internal static bool IsReadByNextStatement(IOperation store, ILocalSymbol local)
    {
        IOperation statement = store;
        while (statement.Parent is not null and not IBlockOperation)
        {
            statement = statement.Parent;
        }

        if (statement.Parent is not IBlockOperation block
            || statement is not (IExpressionStatementOperation or IVariableDeclarationGroupOperation))
        {
            return false;
        }

        int index = block.Operations.IndexOf(statement);
        if (index < 0 || index + 1 >= block.Operations.Length)
        {
            return false;
        }

        IOperation next = block.Operations[index + 1];
        return !Writes(next, local) && CertainlyReads(next, local);
    }

    /// <summary>True when the operation assigns the local anywhere (then order would matter: not judged here).</summary>
    private static bool Writes(IOperation operation, ILocalSymbol local)
        => operation.DescendantsAndSelf().Any(d =>
            d is ILocalReferenceOperation reference
            && SymbolEqualityComparer.Default.Equals(reference.Local, local)
            && reference.Parent is IAssignmentOperation assignment
            && assignment.Target == reference);

    /// <summary>True when evaluating the operation always reads the local (no branch can skip the read).</summary>
    private static bool CertainlyReads(IOperation? operation, ILocalSymbol local) => operation switch
    {
        ILocalReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Local, local),
        IConversionOperation conversion => CertainlyReads(conversion.Operand, local),
        IExpressionStatementOperation statement => CertainlyReads(statement.Operation, local),
        IConditionalOperation conditional => CertainlyReads(conditional.Condition, local),
        IReturnOperation returned => CertainlyReads(returned.ReturnedValue, local),
        ISwitchOperation switchStatement => CertainlyReads(switchStatement.Value, local),
        IIsPatternOperation pattern => CertainlyReads(pattern.Value, local),
        IUnaryOperation unary => CertainlyReads(unary.Operand, local),
        ISimpleAssignmentOperation assignment => CertainlyReads(assignment.Value, local),
        IBinaryOperation binary => CertainlyReads(binary.LeftOperand, local)
            || (binary.OperatorKind is not (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
                && CertainlyReads(binary.RightOperand, local)),
        IInvocationOperation invocation => CertainlyReads(invocation.Instance, local)
            || invocation.Arguments.Any(argument => CertainlyReads(argument.Value, local)),
        IVariableDeclarationGroupOperation group => group.Declarations.Any(declaration =>
            declaration.Declarators.Any(declarator => CertainlyReads(declarator.Initializer?.Value, local))),
        _ => false,
    };
}
