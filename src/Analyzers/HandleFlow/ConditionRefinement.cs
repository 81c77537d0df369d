using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Narrows the state to one side of a branch condition: on the failure side of an HRESULT test,
/// or the zero side of a handle test, the handles the call would have created do not exist.
/// </summary>
internal readonly struct ConditionRefinement
{
    private readonly HandleFlowContext context;
    private readonly FlowState state;
    private readonly FlowFindings? findings;

    /// <param name="findings">The reporting pass's findings (success tests are recorded there); null in fixpoint passes.</param>
    internal ConditionRefinement(HandleFlowContext context, FlowState state, FlowFindings? findings)
    {
        this.context = context;
        this.state = state;
        this.findings = findings;
    }

    /// <summary>Narrows the state to the side of <paramref name="condition"/> given by <paramref name="sense"/>.</summary>
    internal void Refine(IOperation condition, bool sense)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        condition = OperationShapes.StripConversions(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                Refine(not.Operand, !sense);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                if (sense)
                {
                    Refine(and.LeftOperand, true);
                    Refine(and.RightOperand, true);
                }

                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                if (!sense)
                {
                    Refine(or.LeftOperand, false);
                    Refine(or.RightOperand, false);
                }

                return;
        }

        if (SuccessTestClassifier.TryGetZeroTest(condition, out IOperation? tested, out bool trueMeansZero)
            && FlowKeyResolver.VariableKey(tested!, context.Sharing) is { } handleKey
            && state.HeldBy(handleKey).Length > 0)
        {
            if (sense == trueMeansZero)
            {
                Kill(state.HeldBy(handleKey));
            }

            return;
        }

        if (condition is IPropertyReferenceOperation { Property.Name: "IsInvalid", Instance: { } wrapper }
            && FlowKeyResolver.VariableKey(wrapper, context.Sharing) is { } wrapperKey && state.HeldBy(wrapperKey).Length > 0)
        {
            // w.IsInvalid narrows a wrapper like w == null: when true, it holds no handle.
            if (sense)
            {
                foreach (int id in state.HeldBy(wrapperKey))
                {
                    if (context.Sites[id].IsWrapper)
                    {
                        state.Kill(id);
                    }
                }
            }

            return;
        }

        if (condition.Type?.SpecialType == SpecialType.System_Boolean
            && FlowKeyResolver.HresultKey(condition, context.Sharing) is { } boolKey
            && state.LinkedTo(boolKey).Length > 0)
        {
            // A creating call that returns bool (TryGetUser(..., out var user)): true means it created.
            if (!sense)
            {
                Kill(state.LinkedTo(boolKey));
            }

            return;
        }

        if (SuccessTestClassifier.TryClassify(condition, out IOperation? hresult, out Outcome whenTrue, out Outcome whenFalse)
            && FlowKeyResolver.HresultKey(hresult!, context.Sharing) is { } key)
        {
            int[] linked = state.LinkedTo(key);
            if (findings is not null)
            {
                foreach (int id in linked)
                {
                    findings.MarkSuccessConditional(id, condition.Syntax);
                }
            }

            if ((sense ? whenTrue : whenFalse) == Outcome.Failure)
            {
                Kill(linked);
            }
        }
    }

    private void Kill(int[] ids)
    {
        // Kill never changes an id array in place (it replaces them), so the array can be walked as it is.
        foreach (int id in ids)
        {
            state.Kill(id);
        }
    }
}
