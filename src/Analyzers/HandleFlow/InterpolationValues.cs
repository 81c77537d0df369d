using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// The values an interpolated string formats (also a handler's AppendFormatted arguments): each is
/// only read, so a handle among them is used, not handed over.
/// </summary>
internal static class InterpolationValues
{
    internal static IEnumerable<IOperation> Of(IInterpolatedStringOperation interpolated)
    {
        foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
        {
            if (part is IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation append })
            {
                foreach (IArgumentOperation argument in append.Arguments)
                {
                    yield return argument.Value;
                }

                continue;
            }

            foreach (IOperation child in part.ChildOperations)
            {
                yield return child;
            }
        }
    }
}
