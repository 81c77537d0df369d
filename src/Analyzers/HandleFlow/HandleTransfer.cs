using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Hresults;
using MsDrm.Analyzers.Summaries;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// The transfer function: evaluates one operation tree of a basic block against the state.
/// <see cref="Eval"/> returns the live creations the operation's value may carry, and applies
/// creations, closes, copies and escapes on the way. Branch conditions are
/// <see cref="ConditionRefinement"/>'s job; what a call is, the recognizer's.
/// </summary>
internal sealed partial class HandleTransfer
{
    private static readonly int[] None = Array.Empty<int>();

    private readonly HandleFlowContext context;
    private readonly FlowState state;
    private readonly FlowFindings? findings;

    /// <param name="findings">The reporting pass's findings; null in fixpoint passes, which record nothing.</param>
    internal HandleTransfer(HandleFlowContext context, FlowState state, FlowFindings? findings)
    {
        this.context = context;
        this.state = state;
        this.findings = findings;
    }

    private DrmCallRecognizer Recognizer => context.Recognizer;

    private LifetimeTransfer Lifetime => new(context, state, findings);

    /// <summary>Evaluates an operation; returns the live creations its value may be.</summary>
    internal int[] Eval(IOperation? operation)
    {
        // Deeply nested expressions: give up on this body (the analyzer's guard skips it) rather than overflow.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (operation)
        {
            case null:
                return None;
            case IConversionOperation conversion:
                return Eval(conversion.Operand);
            case ILocalReferenceOperation or IParameterReferenceOperation or IFlowCaptureReferenceOperation:
            case IFieldReferenceOperation when FlowKeyResolver.VariableKey(operation, context.Sharing) is not null:
                return Held(FlowKeyResolver.VariableKey(operation, context.Sharing));
            case IDeclarationExpressionOperation declaration:
                return Eval(declaration.Expression);
            case IFlowCaptureOperation capture:
                int[] captured = Eval(capture.Value);
                object captureKey = CaptureKeys.Of(capture.Id);
                state.SetHolder(captureKey, captured);
                CopyLinks(captureKey, capture.Value);
                Lifetime.Assign(captureKey, capture.Value);
                return None;
            case ISimpleAssignmentOperation assignment:
                return Assign(assignment);
            case IDeconstructionAssignmentOperation deconstruction when Deconstruct(deconstruction):
                return None;
            case IInvocationOperation invocation:
                return Invoke(invocation);
            case IFlowAnonymousFunctionOperation:
                return None;
            case IObjectCreationOperation { Constructor: { } constructor, Initializer: null } creation when CallEffects.IsLibraryReader(constructor):
                // A .NET library constructor (not a collection's) only reads a handle; new IntPtr(h) is the handle again, untracked.
                var read = new List<int>();
                foreach (IArgumentOperation argument in creation.Arguments)
                {
                    int[] passed = Eval(argument.Value);
                    if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out)
                    {
                        Escape(passed);
                    }
                    else
                    {
                        read.AddRange(passed);
                    }
                }

                if (creation.Type?.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr)
                {
                    Escape(read.ToArray());
                }

                return None;
            case IBinaryOperation binary:
                // An operator's value is never a handle; its operands are evaluated in source order.
                foreach (IOperation operand in BinaryOperands.InSourceOrder(binary))
                {
                    Eval(operand);
                }

                return None;
            case IInterpolatedStringOperation interpolated:
                // $"{h}" only formats the handle: a use; the resulting string is never a handle.
                foreach (IOperation value in InterpolationValues.Of(interpolated))
                {
                    Eval(value);
                }

                return None;
            default:
                bool escapes = EscapeContexts.Contains(operation);
                foreach (IOperation child in operation.ChildOperations)
                {
                    int[] value = Eval(child);
                    if (escapes)
                    {
                        Escape(value);
                    }
                }

                return None;
        }
    }

    /// <summary>The returned value of a method leaves it: whatever handle it carries escapes.</summary>
    internal void EvalReturned(IOperation returned)
    {
        int[] value = Eval(returned);
        if (OperationShapes.StripConversions(returned).Type is { IsTupleType: true })
        {
            // A tuple is no handle: the caller gets a struct, not a creation (a summary records none).
            Escape(value);
            return;
        }

        findings?.Summary?.Returned(value);
        Escape(value);
    }

    private int[] Invoke(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        RecognizedMethod recognized = Recognizer.Recognize(method);
        DrmFunction? function = recognized.Function;
        bool onlyReads = (recognized.IsRuntime && !recognized.IsAdopt)
            || (function is null && context.IsInterpolatedStringHandler(method.ContainingType));
        int[] receiver = Eval(invocation.Instance);
        List<(IArgumentOperation Argument, CreationSite Site)>? creations = null;

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (recognized.CanCreateHandle && argument.Parameter is { } parameter
                && context.Sites.Find(invocation, parameter.Ordinal) is { } site)
            {
                (creations ??= new()).Add((argument, site));
                continue;
            }

            int[] value = Eval(argument.Value);
            Lifetime.Pass(invocation, recognized, argument, value);
            if (value.Length > 0)
            {
                PassArgument(recognized, method, onlyReads, argument, value);
            }
        }

        if (recognized.IsThrowIfFailed && findings is not null
            && OperationShapes.ThrownHresult(invocation) is { } thrown
            && FlowKeyResolver.HresultKey(thrown, context.Sharing) is { } hresult)
        {
            // Past ThrowIfFailed the HRESULT is a success: the handle exists unconditionally.
            foreach (int id in state.LinkedTo(hresult))
            {
                findings.MarkSuccessConditional(id, invocation.Syntax);
            }
        }

        if (receiver.Length > 0 && method.Parameters.Length == 0 && method.Name is "Dispose" or "Close")
        {
            Lifetime.Dispose(invocation, receiver);
            KillWrappers(receiver);
        }

        if (creations is not null)
        {
            foreach (var (argument, site) in creations)
            {
                Create(invocation, argument, site);
            }
        }

        if (function is null && (recognized.ReturnedWrapper is not null || recognized.Summary?.CreationAt(-1) is not null)
            && context.Sites.Find(invocation, -1) is { } returned)
        {
            if (state.IsLive(returned.Id) && !state.IsHeldElsewhere(returned.Id, null))
            {
                // The wrapper this call made last time round was never stored: it is lost now.
                findings?.Lose(returned.Id, LostPointKind.Overwritten, invocation.Syntax);
            }

            state.AddLive(returned.Id);
            return new[] { returned.Id };
        }

        return None;
    }

    /// <summary>A handle passed as an argument: closed, used, or escaped.</summary>
    private void PassArgument(RecognizedMethod recognized, IMethodSymbol method, bool onlyReads, IArgumentOperation argument, int[] value)
    {
        DrmFunction? function = recognized.Function;
        RefKind refKind = argument.Parameter?.RefKind ?? RefKind.None;
        if (onlyReads && refKind is not (RefKind.Ref or RefKind.Out))
        {
            // A runtime method other than Adopt (GetUser, factories, Duplicate...) or an interpolation
            // handler's AppendFormatted only reads its inputs.
            return;
        }

        if (function is null && !onlyReads && !recognized.IsAdopt
            && CallEffects.Of(Recognizer, recognized, method, argument.Parameter, out HandleKind? closedKind) is var effect and not ParameterEffect.TakesOwnership)
        {
            // A user method that only uses or closes it (its summary), or a .NET library method that reads it.
            foreach (int id in effect == ParameterEffect.Closes ? value : None)
            {
                if (context.Sites[id].Parameter is not null || context.Sites[id].Kind == closedKind)
                {
                    Close(id, closedKind!.Value);
                }
            }

            return;
        }

        if (function is not null && refKind is RefKind.Ref && argument.Value.Type is { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None })
        {
            // A struct of parameters (DRMBOUNDLICENSEPARAMS) the DRM function reads: a use of the handles in its fields.
            return;
        }

        if (function is null || refKind is RefKind.Ref or RefKind.Out)
        {
            // Any other method (Adopt, collections, unknown code) or a ref/out slot takes it.
            Escape(value);
            return;
        }

        DrmParameter? parameter = argument.Parameter is { } p ? function.ParameterAt(p.Ordinal) : null;
        foreach (int id in value)
        {
            CreationSite site = context.Sites[id];
            findings?.PassedToClose(argument, site, parameter is { Role: ParameterRole.Closes } ? parameter.Kind : null);
            if (parameter is { Role: ParameterRole.Closes, Kind: HandleKind closed } && (parameter.Kind == site.Kind || site.Parameter is not null))
            {
                Close(id, closed);
            }
            else if (site.IsWrapper)
            {
                state.Kill(id);
            }

            // Otherwise an ordinary input of a DRM function (or the wrong close function): a use.
        }
    }

    /// <summary>A creating argument: a new handle in the variable it targets, unless it escapes at once.</summary>
    private void Create(IInvocationOperation invocation, IArgumentOperation argument, CreationSite site)
    {
        IOperation target = OperationShapes.StripConversions(argument.Value);
        if (target is IAddressOfOperation addressOf)
        {
            target = OperationShapes.StripConversions(addressOf.Reference);
        }

        target = WithoutDeclaration(target);

        if (target is IDiscardOperation)
        {
            // out _: nobody can ever close it.
            findings?.NameSite(site.Id, "_", target.Syntax.SpanStart);
            findings?.Lose(site.Id, LostPointKind.Discarded, target.Syntax);
            return;
        }

        if (FlowKeyResolver.TrackableKey(target, context.Sharing, context.Summarising) is not { } key)
        {
            // Field, property, array element, the method's own out/ref parameter, captured local.
            EvalChildren(target);
            return;
        }

        Overwrite(key, keep: None, invocation.Syntax);
        state.AddLive(site.Id);
        Hold(key, new[] { site.Id });
        state.AddLink(invocation, site.Id);
        Lifetime.Created(key, invocation, site, Recognizer.Recognize(invocation.TargetMethod).Function);
        findings?.NameSites(new[] { site.Id }, target);
    }

    /// <summary>The variable is about to get a new value at <paramref name="by"/>: a live handle only it holds leaks (unless the new value is that handle).</summary>
    private void Overwrite(object key, int[] keep, SyntaxNode by)
    {
        foreach (int id in Held(key))
        {
            if (Array.IndexOf(keep, id) < 0 && !state.IsHeldElsewhere(id, key))
            {
                findings?.Lose(id, LostPointKind.Overwritten, by);
                state.Kill(id);
            }
        }
    }


    /// <summary>The variable now holds <paramref name="ids"/>; a field of a local struct also makes the struct hold them.</summary>
    private void Hold(object key, int[] ids)
    {
        state.SetHolder(key, ids);
        if (key is StructFieldKey field)
        {
            var all = new List<int>(Held(field.Owner));
            all.AddRange(ids);
            state.SetHolder(field.Owner, all);
        }
    }

    // Kill never changes an id array in place (it replaces them), so the arrays can be walked as they are.
    private void Escape(int[] ids)
    {
        foreach (int id in ids)
        {
            findings?.Summary?.Escaped(id, state);
            state.Kill(id);
        }
    }

    /// <summary>The handle reaches a close of <paramref name="kind"/> (a summarised method records it for its parameters).</summary>
    private void Close(int id, HandleKind kind)
    {
        findings?.Summary?.Closed(id, kind, state);
        state.Kill(id);
    }

    private void KillWrappers(int[] ids)
    {
        foreach (int id in ids)
        {
            if (context.Sites[id].IsWrapper)
            {
                Close(id, context.Sites[id].Kind);
            }
        }
    }

    private void EvalChildren(IOperation operation)
    {
        foreach (IOperation child in operation.ChildOperations)
        {
            Escape(Eval(child));
        }
    }

    private void CopyLinks(object key, IOperation value)
    {
        object? source = FlowKeyResolver.HresultKey(value, context.Sharing);
        state.SetLinks(key, source is null ? None : state.LinkedTo(source));
    }

    // The state's arrays are never changed in place, so they can be handed out as values.
    private int[] Held(object? key) => key is null ? None : state.HeldBy(key);
}
