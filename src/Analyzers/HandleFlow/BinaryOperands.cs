using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// The operands of <c>a + b + c + ...</c>, which nests to the left as deep as the source is long:
/// the left spine is walked with a loop (no recursion), operands come out in source order.
/// </summary>
internal static class BinaryOperands
{
    internal static IEnumerable<IOperation> InSourceOrder(IBinaryOperation binary)
    {
        var rightOperands = new Stack<IOperation>();
        IOperation current = binary;
        while (current is IBinaryOperation nested)
        {
            rightOperands.Push(nested.RightOperand);
            current = nested.LeftOperand;
        }

        yield return current;
        while (rightOperands.Count > 0)
        {
            yield return rightOperands.Pop();
        }
    }
}
