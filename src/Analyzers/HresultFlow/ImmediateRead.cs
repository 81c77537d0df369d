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
    private const int MaxDepth = 32;

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
        return !Writes(next, local) && CertainlyReads(next, local, depth: 0);
    }

    /// <summary>
    /// True when the operation assigns the local anywhere, also as an <c>out</c> argument (then order
    /// would matter: not judged here).
    /// </summary>
    private static bool Writes(IOperation operation, ILocalSymbol local)
        => operation.DescendantsAndSelf().Any(d =>
            d is ILocalReferenceOperation reference
            && SymbolEqualityComparer.Default.Equals(reference.Local, local)
            && (reference.Parent is IAssignmentOperation assignment && assignment.Target == reference
                || reference.Parent is IArgumentOperation argument && OutArgument.Writes(argument, local)));

    /// <summary>
    /// True when evaluating the operation always reads the local (no branch can skip the read). Deep
    /// trees give up (false) rather than recurse far: the flow analysis then decides.
    /// </summary>
    private static bool CertainlyReads(IOperation? operation, ILocalSymbol local, int depth) => depth < MaxDepth && operation switch
    {
        ILocalReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Local, local),
        IConversionOperation conversion => CertainlyReads(conversion.Operand, local, depth + 1),
        IExpressionStatementOperation statement => CertainlyReads(statement.Operation, local, depth + 1),
        IConditionalOperation conditional => CertainlyReads(conditional.Condition, local, depth + 1),
        IReturnOperation returned => CertainlyReads(returned.ReturnedValue, local, depth + 1),
        ISwitchOperation switchStatement => CertainlyReads(switchStatement.Value, local, depth + 1),
        IIsPatternOperation pattern => CertainlyReads(pattern.Value, local, depth + 1),
        IUnaryOperation unary => CertainlyReads(unary.Operand, local, depth + 1),
        ISimpleAssignmentOperation assignment => CertainlyReads(assignment.Value, local, depth + 1),
        IBinaryOperation binary => CertainlyReads(binary.LeftOperand, local, depth + 1)
            || (binary.OperatorKind is not (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
                && CertainlyReads(binary.RightOperand, local, depth + 1)),
        IInvocationOperation invocation => CertainlyReads(invocation.Instance, local, depth + 1)
            || invocation.Arguments.Any(argument => CertainlyReads(argument.Value, local, depth + 1)),
        IVariableDeclarationGroupOperation group => group.Declarations.Any(declaration =>
            declaration.Declarators.Any(declarator => CertainlyReads(declarator.Initializer?.Value, local, depth + 1))),
        _ => false,
    };
}
