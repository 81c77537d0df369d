using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>Walks an operation tree without recursion, so deeply nested expressions cannot overflow the stack.</summary>
internal static class OperationWalker
{
    /// <summary>The operation and everything below it (pre-order, children in reverse order).</summary>
    internal static IEnumerable<IOperation> DescendantsAndSelf(IOperation root)
    {
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            IOperation operation = pending.Pop();
            yield return operation;
            foreach (IOperation child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }
}
