using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.Analyzers.MaskedErrors;

/// <summary>
/// The transfer function of MSDRM006's flow: assignments to a tracked local (a close result masks the
/// failures it holds, a negative constant is a failure, another call's result is untested), reads
/// (any read but a success test's operand deals with the failure: returned, thrown, stored, passed on),
/// returns and ThrowIfFailed (where a masked failure is found), and branch conditions (the failure side
/// of a test turns an untested result into a failure; the success side drops failures).
/// </summary>
internal readonly struct MaskTransfer
{
    private readonly MaskContext context;
    private readonly MaskState state;

    internal MaskTransfer(MaskContext context, MaskState state)
    {
        this.context = context;
        this.state = state;
    }

    internal void Visit(IOperation? operation)
    {
        // Deeply nested expressions: give up on this body (the analyzer's guard skips it) rather than overflow.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (operation)
        {
            case null:
                return;
            case ISimpleAssignmentOperation { IsRef: false } assignment when context.TrackedLocal(assignment.Target) is { } local:
                Visit(assignment.Value);
                Assign(local, assignment);
                return;
            case IFlowCaptureOperation capture:
                if (context.SlotOf(capture.Value) is { } copied)
                {
                    state.Set(capture.Id, state.Get(copied));
                    return;
                }

                Visit(capture.Value);
                state.Set(capture.Id, ImmutableHashSet<MaskFact>.Empty);
                return;
            case IInvocationOperation invocation when context.Recognizer.IsThrowIfFailed(invocation.TargetMethod)
                && invocation.Arguments.Length > 0 && context.SlotOf(invocation.Arguments[0].Value) is { } thrown:
                ReachesExit(thrown);

                // Past ThrowIfFailed the value is a success.
                Refine(thrown, Outcome.Success, failure: null);
                return;
            case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument when context.TrackedLocal(argument.Value) is { } written:
                state.Set(written, ImmutableHashSet<MaskFact>.Empty);
                return;
            case ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation:
                foreach (IOperation child in operation.ChildOperations)
                {
                    Visit(child);
                    if (context.TrackedLocal(child) is { } changed)
                    {
                        state.Set(changed, ImmutableHashSet<MaskFact>.Empty);
                    }
                }

                return;
            case ILocalReferenceOperation or IFlowCaptureReferenceOperation when context.SlotOf(operation) is { } read:
                if (!IsTestOperand(operation))
                {
                    // Returned, thrown, stored or passed on: that failure is not lost any more.
                    DropFailures(read);
                }

                return;
            default:
                foreach (IOperation child in operation.ChildOperations)
                {
                    Visit(child);
                }

                return;
        }
    }

    /// <summary>The value a block returns.</summary>
    internal void Returned(IOperation value)
    {
        if (context.SlotOf(value) is { } slot)
        {
            ReachesExit(slot);
            return;
        }

        Visit(value);
    }

    /// <summary>Narrows the state to the side <paramref name="sense"/> of a branch condition.</summary>
    internal void Refine(IOperation condition, bool sense, SyntaxNode? location)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        condition = OperationShapes.StripConversions(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                Refine(not.Operand, !sense, location);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when sense:
                Refine(both.LeftOperand, true, location);
                Refine(both.RightOperand, true, location);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when !sense:
                Refine(either.LeftOperand, false, location);
                Refine(either.RightOperand, false, location);
                return;
        }

        if (SuccessTestClassifier.TryClassify(condition, out IOperation? tested, out Outcome whenTrue, out Outcome whenFalse)
            && context.SlotOf(tested!) is { } slot)
        {
            Refine(slot, sense ? whenTrue : whenFalse, location ?? ConstantOf(condition) ?? condition.Syntax);
        }
    }

    private void Refine(object slot, Outcome outcome, SyntaxNode? failure)
    {
        foreach (object target in SlotAndLocal(slot))
        {
            ImmutableHashSet<MaskFact> facts = state.Get(target);
            if (outcome == Outcome.Failure && failure is not null && facts.Contains(MaskFact.Untested))
            {
                state.Set(target, facts.Remove(MaskFact.Untested).Add(MaskFact.Failed(failure)));
            }
            else if (outcome == Outcome.Success)
            {
                state.Set(target, Without(facts, kept: MaskFactKind.Masked, alsoKept: MaskFactKind.Masked));
            }
        }
    }

    private void Assign(ILocalSymbol local, ISimpleAssignmentOperation assignment)
    {
        ImmutableHashSet<MaskFact> before = state.Get(local);
        IOperation value = OperationShapes.StripConversions(assignment.Value);
        ImmutableHashSet<MaskFact> after;
        if (MaskContext.IsCleanup(context.Recognizer, value))
        {
            // Cleanup: each failure held now is masked here; one masked earlier keeps its first overwrite.
            after = ImmutableHashSet<MaskFact>.Empty;
            foreach (MaskFact fact in before)
            {
                if (fact.Kind != MaskFactKind.Untested)
                {
                    after = after.Add(fact.Kind == MaskFactKind.Failed ? fact.MaskedBy(assignment) : fact);
                }
            }
        }
        else if (IsNegativeConstant(assignment.Value))
        {
            after = ImmutableHashSet.Create(MaskFact.Failed(assignment.Syntax));
        }
        else
        {
            after = value is IInvocationOperation ? ImmutableHashSet.Create(MaskFact.Untested) : ImmutableHashSet<MaskFact>.Empty;
        }

        state.Set(local, after);
    }

    /// <summary>A value leaves the method (returned, or thrown by ThrowIfFailed): its masked failures are findings.</summary>
    private void ReachesExit(object slot)
    {
        foreach (MaskFact fact in state.Get(slot))
        {
            if (fact.Kind == MaskFactKind.Masked)
            {
                context.Record(fact);
            }
        }

        DropFailures(slot);
    }

    private void DropFailures(object slot)
    {
        foreach (object target in SlotAndLocal(slot))
        {
            state.Set(target, Without(state.Get(target), kept: MaskFactKind.Masked, alsoKept: MaskFactKind.Untested));
        }
    }

    /// <summary>The facts of the two kept kinds.</summary>
    private static ImmutableHashSet<MaskFact> Without(ImmutableHashSet<MaskFact> facts, MaskFactKind kept, MaskFactKind alsoKept)
    {
        ImmutableHashSet<MaskFact> result = facts;
        foreach (MaskFact fact in facts)
        {
            if (fact.Kind != kept && fact.Kind != alsoKept)
            {
                result = result.Remove(fact);
            }
        }

        return result;
    }

    private object[] SlotAndLocal(object slot)
        => slot is CaptureId && context.LocalOf(slot) is { } local ? new[] { slot, local } : new[] { slot };

    /// <summary>True when the read is the tested value of a success test (<c>hr &lt; 0</c>, <c>FAILED(hr)</c>, <c>hr is &lt; 0</c>).</summary>
    private static bool IsTestOperand(IOperation read)
    {
        IOperation current = read;
        while (current.Parent is IConversionOperation or IArgumentOperation)
        {
            current = current.Parent;
        }

        return current.Parent is { } test
            && SuccessTestClassifier.TryClassify(test, out IOperation? tested, out _, out _)
            && tested is not null
            && OperationShapes.StripConversions(tested) == read;
    }

    /// <summary>The constant side of an implicit test (a <c>case E_DRM_X:</c> label), which is where it is written.</summary>
    private static SyntaxNode? ConstantOf(IOperation condition)
    {
        if (!condition.IsImplicit || condition is not IBinaryOperation binary)
        {
            return null;
        }

        return binary.RightOperand.ConstantValue.HasValue ? binary.RightOperand.Syntax
            : binary.LeftOperand.ConstantValue.HasValue ? binary.LeftOperand.Syntax
            : null;
    }

    /// <summary>A negative constant, or a 32-bit unsigned one with the severity bit set.</summary>
    private static bool IsNegativeConstant(IOperation value)
        => SuccessTestClassifier.TryGetInteger(value, out long number)
            && (number < 0 || (value.Type?.SpecialType == SpecialType.System_UInt32 && number >= 0x80000000L));
}
