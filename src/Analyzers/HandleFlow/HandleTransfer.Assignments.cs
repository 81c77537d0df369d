using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Assignments: to a variable (a copy, a new value, or a store that is an escape), of a tuple literal to
/// a tuple local (a local struct: each element goes to its field), and deconstructions of a tuple
/// literal into variables (each element to its variable).
/// </summary>
internal sealed partial class HandleTransfer
{
    private int[] Assign(ISimpleAssignmentOperation assignment)
    {
        if (assignment.IsRef)
        {
            // ref alias = ref copy: binds a name (see VariableSharing), moves no value.
            Eval(assignment.Value);
            return None;
        }

        IOperation target = WithoutDeclaration(assignment.Target);
        object? key = FlowKeyResolver.TrackableKey(target, context.Sharing, context.Summarising);
        if (key is not null && OperationShapes.StripConversions(assignment.Value) is IInvocationOperation call
            && Recognizer.Recognize(call.TargetMethod) is { Function: null, ReturnedWrapper: not null })
        {
            // w = x.Duplicate(): the old wrapper in w is lost before the new one exists.
            Overwrite(key, keep: None, assignment.Syntax);
        }

        if (key is ILocalSymbol { Type.IsTupleType: true } tuple
            && OperationShapes.StripConversions(assignment.Value) is ITupleOperation elements
            && AssignTuple(tuple, elements, assignment.Syntax))
        {
            return None;
        }

        int[] value = Eval(assignment.Value);
        if (key is not null)
        {
            Overwrite(key, keep: value, assignment.Syntax);
            Hold(key, value);
            CopyLinks(key, assignment.Value);
            Lifetime.Assign(key, assignment.Value);
            findings?.NameSites(value, target);
        }
        else if (target is not IDiscardOperation)
        {
            // Field, property, array element, out/ref parameter, captured or ref local: stored away.
            EvalChildren(target);
            Escape(value);
        }

        return value;
    }

    /// <summary><c>t = (dup, 0)</c>: each element's handles go to the field they land in; false when the shapes do not match.</summary>
    private bool AssignTuple(ILocalSymbol owner, ITupleOperation tuple, SyntaxNode by)
    {
        ImmutableArray<IFieldSymbol> fields = owner.Type is INamedTypeSymbol { IsTupleType: true } type ? type.TupleElements : default;

        // Past seven elements the fields nest in Rest: such a tuple stays an escape for its elements.
        if (fields.IsDefaultOrEmpty || fields.Length != tuple.Elements.Length || fields.Length > 7)
        {
            return false;
        }

        int[] before = Held(owner);
        int[][] values = EvalAll(tuple.Elements);
        var all = new List<int>();
        for (int i = 0; i < fields.Length; i++)
        {
            var field = new StructFieldKey(owner, FlowKeyResolver.ElementField(fields[i]));
            state.SetHolder(field, values[i]);
            Lifetime.Assign(field, tuple.Elements[i]);
            all.AddRange(values[i]);
        }

        state.SetHolder(owner, all.ToArray());
        Lifetime.Assign(owner, tuple);
        LoseUnheld(before, by);
        return true;
    }

    /// <summary>After several variables got new values at once: a handle they held that nothing holds now is lost at <paramref name="by"/>.</summary>
    private void LoseUnheld(IEnumerable<int> before, SyntaxNode by)
    {
        foreach (int id in before)
        {
            if (state.IsLive(id) && !state.IsHeldElsewhere(id, null))
            {
                findings?.Lose(id, LostPointKind.Overwritten, by);
                state.Kill(id);
            }
        }
    }

    /// <summary>
    /// <c>(a, b) = (dup, 0)</c> or <c>var (a, b) = (...)</c>: element by element, after every element is
    /// evaluated and every variable holds its new value (so a swap is a swap); false (an escape, as before) for any other shape.
    /// </summary>
    private bool Deconstruct(IDeconstructionAssignmentOperation deconstruction)
    {
        if (WithoutDeclaration(deconstruction.Target) is not ITupleOperation targets
            || OperationShapes.StripConversions(deconstruction.Value) is not ITupleOperation values
            || targets.Elements.Length != values.Elements.Length)
        {
            return false;
        }

        var keys = new object?[targets.Elements.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            IOperation target = WithoutDeclaration(targets.Elements[i]);
            keys[i] = target is IDiscardOperation ? null : FlowKeyResolver.TrackableKey(target, context.Sharing, context.Summarising);
            if (keys[i] is null && target is not IDiscardOperation)
            {
                // A field, a nested tuple, a captured local: not followed.
                return false;
            }
        }

        int[][] evaluated = EvalAll(values.Elements);
        var before = new List<int>();
        foreach (object? key in keys)
        {
            before.AddRange(Held(key));
        }

        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] is { } key)
            {
                Hold(key, evaluated[i]);
                Lifetime.Assign(key, values.Elements[i]);
                findings?.NameSites(evaluated[i], WithoutDeclaration(targets.Elements[i]));
            }
        }

        LoseUnheld(before, deconstruction.Syntax);
        return true;
    }

    private int[][] EvalAll(ImmutableArray<IOperation> operations)
    {
        var values = new int[operations.Length][];
        for (int i = 0; i < operations.Length; i++)
        {
            values[i] = Eval(operations[i]);
        }

        return values;
    }

    /// <summary>The variable a target names: <c>var x</c> and <c>out uint x</c> declare it.</summary>
    private static IOperation WithoutDeclaration(IOperation operation)
        => operation is IDeclarationExpressionOperation declaration ? declaration.Expression : operation;
}
