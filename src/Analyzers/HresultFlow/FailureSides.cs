using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.Analyzers.HresultFlow;

/// <summary>
/// Which branches of a graph are the failure side of a success test of another HRESULT than the
/// stored one (DESIGN, MSDRM002: a path that leaves the method there "returns or throws an error
/// already", as in <c>if (hr1 &lt; 0 || hr2 &lt; 0) return hr1 &lt; 0 ? hr1 : hr2;</c>, and does not count
/// for the unread one). Another HRESULT is the result of a DRM call (or a forwarding helper), a
/// local that is assigned one, or a value of an HRESULT struct; any other integer (a count, a flag)
/// is no HRESULT, so its tests excuse nothing.
/// </summary>
internal sealed class FailureSides
{
    private readonly GraphHresultFacts facts;
    private readonly ILocalSymbol stored;

    internal FailureSides(ControlFlowGraph graph, DrmCallRecognizer recognizer, ILocalSymbol stored)
    {
        facts = GraphHresultFacts.For(graph, recognizer);
        this.stored = stored;
    }

    /// <summary>True when taking the branch of <paramref name="block"/> (its conditional one, or its fall-through) means another HRESULT failed.</summary>
    internal bool IsFailureSide(BasicBlock block, bool conditional)
    {
        if (block.ConditionKind == ControlFlowConditionKind.None || block.BranchValue is not { } condition)
        {
            return false;
        }

        // The conditional branch is taken when the condition equals the block's condition kind.
        bool conditionValue = conditional == (block.ConditionKind == ControlFlowConditionKind.WhenTrue);
        while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            condition = not.Operand;
            conditionValue = !conditionValue;
        }

        if (!SuccessTestClassifier.TryClassify(condition, out IOperation? operand, out Outcome whenTrue, out Outcome whenFalse) || operand is null)
        {
            return false;
        }

        return (conditionValue ? whenTrue : whenFalse) == Outcome.Failure && IsOtherHresult(operand);
    }

    private bool IsOtherHresult(IOperation operand)
    {
        operand = OperationShapes.StripConversions(operand);
        if (operand is IFlowCaptureReferenceOperation reference)
        {
            // A switch statement tests a capture of its value.
            if (facts.CaptureValue(reference.Id) is not { } captured)
            {
                return false;
            }

            operand = OperationShapes.StripConversions(captured);
        }

        if (operand.Type is { } type && HresultStruct.IsHresultStruct(type))
        {
            return operand is not ILocalReferenceOperation { Local: var local } || !SymbolEqualityComparer.Default.Equals(local, stored);
        }

        return operand switch
        {
            IInvocationOperation invocation => facts.CarriesHresult(invocation),
            ILocalReferenceOperation { Local: var local } => !SymbolEqualityComparer.Default.Equals(local, stored) && facts.IsHresultLocal(local),
            _ => false,
        };
    }
}
