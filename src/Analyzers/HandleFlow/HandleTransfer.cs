using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.Hresults;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// The transfer function: evaluates one operation tree of a basic block against the state.
/// <see cref="Eval"/> returns the live creations the operation's value may carry, and applies
/// creations, closes, copies and escapes on the way.
/// </summary>
internal sealed class HandleTransfer
{
    private static readonly int[] None = Array.Empty<int>();

    private readonly HandleFlowContext context;
    private readonly FlowState state;
    private readonly bool report;

    internal HandleTransfer(HandleFlowContext context, FlowState state, bool report)
    {
        this.context = context;
        this.state = state;
        this.report = report;
    }

    private DrmCallRecognizer Recognizer => context.Recognizer;

    /// <summary>Evaluates an operation; returns the live creations its value may be.</summary>
    internal int[] Eval(IOperation? operation)
    {
        // Deeply nested expressions: give up on this body (the analyzer catches it) rather than overflow.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (operation)
        {
            case null:
                return None;
            case IConversionOperation conversion:
                return Eval(conversion.Operand);
            case ILocalReferenceOperation or IParameterReferenceOperation or IFlowCaptureReferenceOperation:
                return Held(VariableKey(operation));
            case IDeclarationExpressionOperation declaration:
                return Eval(declaration.Expression);
            case IFlowCaptureOperation capture:
                int[] captured = Eval(capture.Value);
                state.SetHolder(capture.Id, captured);
                CopyLinks(capture.Id, capture.Value);
                return None;
            case ISimpleAssignmentOperation assignment:
                return Assign(assignment);
            case IInvocationOperation invocation:
                return Invoke(invocation);
            case IFlowAnonymousFunctionOperation:
                return None;
            case IBinaryOperation binary:
                EvalBinaryChain(binary);
                return None;
            case IInterpolatedStringOperation interpolated:
                EvalInterpolation(interpolated);
                return None;
            default:
                bool escapes = IsEscapeContext(operation);
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

    /// <summary>
    /// <c>a + b + c + ...</c> nests to the left as deep as the source is long: walk the left spine
    /// with a loop, evaluating operands in source order. An operator's value is never a handle.
    /// </summary>
    private void EvalBinaryChain(IBinaryOperation binary)
    {
        var rightOperands = new Stack<IOperation>();
        IOperation current = binary;
        while (current is IBinaryOperation nested)
        {
            rightOperands.Push(nested.RightOperand);
            current = nested.LeftOperand;
        }

        Eval(current);
        while (rightOperands.Count > 0)
        {
            Eval(rightOperands.Pop());
        }
    }

    /// <summary>
    /// <c>$"{h}"</c> only formats the handle: its values (also the handler's AppendFormatted
    /// arguments) are uses, and the resulting string is never a handle.
    /// </summary>
    private void EvalInterpolation(IInterpolatedStringOperation interpolated)
    {
        foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
        {
            if (part is IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation append })
            {
                foreach (IArgumentOperation argument in append.Arguments)
                {
                    Eval(argument.Value);
                }

                continue;
            }

            foreach (IOperation child in part.ChildOperations)
            {
                Eval(child);
            }
        }
    }

    /// <summary>The returned value of a method leaves it: whatever handle it carries escapes.</summary>
    internal void EvalReturned(IOperation returned) => Escape(Eval(returned));

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
            && VariableKey(tested!) is { } handleKey
            && state.HeldBy(handleKey).Length > 0)
        {
            if (sense == trueMeansZero)
            {
                Kill(Held(handleKey));
            }

            return;
        }

        if (condition.Type?.SpecialType == SpecialType.System_Boolean
            && HresultKey(condition) is { } boolKey
            && state.LinkedTo(boolKey).Length > 0)
        {
            // A creating call that returns bool (TryGetUser(..., out var user)): true means it created.
            int[] created = state.LinkedTo(boolKey);
            if (!sense)
            {
                Kill(created);
            }

            return;
        }

        if (SuccessTestClassifier.TryClassify(condition, out IOperation? hresult, out Outcome whenTrue, out Outcome whenFalse)
            && HresultKey(hresult!) is { } key)
        {
            int[] linked = state.LinkedTo(key);
            foreach (int id in linked)
            {
                context.Site(id).SuccessConditional = true;
            }

            if ((sense ? whenTrue : whenFalse) == Outcome.Failure)
            {
                Kill(linked);
            }
        }
    }

    private int[] Assign(ISimpleAssignmentOperation assignment)
    {
        if (assignment.IsRef)
        {
            // ref alias = ref copy: binds a name (see RefAliases), moves no value.
            Eval(assignment.Value);
            return None;
        }

        IOperation target = assignment.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : assignment.Target;
        object? key = TrackableKey(target);
        if (key is not null && IsWrapperFactoryCall(OperationShapes.StripConversions(assignment.Value)))
        {
            // w = x.Duplicate(): the old wrapper in w is lost before the new one exists.
            Overwrite(key, keep: None);
        }

        int[] value = Eval(assignment.Value);
        if (key is not null)
        {
            Overwrite(key, keep: value);
            state.SetHolder(key, value);
            CopyLinks(key, assignment.Value);
            NameSites(value, target);
        }
        else if (target is not IDiscardOperation)
        {
            // Field, property, array element, out/ref parameter, captured or ref local: stored away.
            EvalChildren(target);
            Escape(value);
        }

        return value;
    }

    private int[] Invoke(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        DrmFunction? function = Recognizer.GetFunction(method);
        bool isRuntime = function is null && Recognizer.IsRuntimeMethod(method);
        bool onlyReads = (isRuntime && !IsAdopt(method))
            || (function is null && context.IsInterpolatedStringHandler(method.ContainingType, context.Compilation));
        int[] receiver = Eval(invocation.Instance);
        List<(IArgumentOperation Argument, HandleKind Kind, bool IsWrapper)>? creations = null;

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (TryGetCreatedKind(function, isRuntime, argument, out HandleKind createdKind, out bool createsWrapper))
            {
                (creations ??= new()).Add((argument, createdKind, createsWrapper));
                continue;
            }

            int[] value = Eval(argument.Value);
            if (value.Length > 0)
            {
                PassArgument(function, onlyReads, argument, value);
            }
        }

        if (function is null && Recognizer.IsThrowIfFailed(method) && invocation.Arguments.Length > 0
            && HresultKey(invocation.Arguments[0].Value) is { } hresult)
        {
            // Past ThrowIfFailed the HRESULT is a success: the handle exists unconditionally.
            foreach (int id in state.LinkedTo(hresult))
            {
                context.Site(id).SuccessConditional = true;
            }
        }

        if (receiver.Length > 0 && method.Parameters.Length == 0 && method.Name is "Dispose" or "Close")
        {
            Kill(receiver.Where(id => context.Site(id).IsWrapper));
        }

        if (creations is not null)
        {
            string name = FunctionName(function, method);
            foreach (var (argument, kind, isWrapper) in creations)
            {
                Create(invocation, argument, kind, isWrapper, name);
            }
        }

        if (IsWrapperFactoryCall(invocation) && Recognizer.GetWrapperKind(method.ReturnType) is HandleKind returnedKind)
        {
            CreationSite site = context.GetSite(invocation, -1, returnedKind, isWrapper: true, FunctionName(null, method));
            if (state.IsLive(site.Id) && !state.IsHeldElsewhere(site.Id, null))
            {
                // The wrapper this call made last time round was never stored: it is lost now.
                Leak(site.Id);
            }

            state.AddLive(site.Id);
            return new[] { site.Id };
        }

        return None;
    }

    /// <summary>A handle passed as an argument: closed, used, or escaped.</summary>
    private void PassArgument(DrmFunction? function, bool onlyReads, IArgumentOperation argument, int[] value)
    {
        RefKind refKind = argument.Parameter?.RefKind ?? RefKind.None;
        if (onlyReads && refKind is not (RefKind.Ref or RefKind.Out))
        {
            // A runtime method other than Adopt (GetUser, factories, Duplicate...) or an interpolation
            // handler's AppendFormatted only reads its inputs.
            return;
        }

        if (function is null || refKind is RefKind.Ref or RefKind.Out)
        {
            // Any non-DRM method (Adopt, collections, Console.WriteLine...) or a ref/out slot takes it.
            Escape(value);
            return;
        }

        DrmParameter? parameter = argument.Parameter is { } p ? function.ParameterAt(p.Ordinal) : null;
        foreach (int id in value)
        {
            CreationSite site = context.Site(id);
            if (site.IsWrapper)
            {
                Kill(id);
            }
            else if (parameter is { Role: ParameterRole.Closes } && parameter.Kind == site.Kind)
            {
                Kill(id);
            }

            // Otherwise an ordinary input of a DRM function (or the wrong close function): a use.
        }
    }

    private bool TryGetCreatedKind(DrmFunction? function, bool isRuntime, IArgumentOperation argument, out HandleKind kind, out bool isWrapper)
    {
        kind = default;
        isWrapper = false;
        if (argument.Parameter is not { } parameter)
        {
            return false;
        }

        bool byReference = parameter.RefKind is RefKind.Out or RefKind.Ref
            || OperationShapes.StripConversions(argument.Value) is IAddressOfOperation;
        if (!byReference)
        {
            return false;
        }

        if (function is not null)
        {
            if (function.ParameterAt(parameter.Ordinal) is { Role: ParameterRole.Creates, Kind: HandleKind created })
            {
                kind = created;
                return true;
            }

            return false;
        }

        if (isRuntime && Recognizer.GetWrapperKind(parameter.Type) is HandleKind wrapped)
        {
            kind = wrapped;
            isWrapper = true;
            return true;
        }

        return false;
    }

    /// <summary>A creating argument: a new handle in the variable it targets, unless it escapes at once.</summary>
    private void Create(IInvocationOperation invocation, IArgumentOperation argument, HandleKind kind, bool isWrapper, string function)
    {
        IOperation target = OperationShapes.StripConversions(argument.Value);
        if (target is IAddressOfOperation addressOf)
        {
            target = OperationShapes.StripConversions(addressOf.Reference);
        }

        if (target is IDeclarationExpressionOperation declaration)
        {
            target = declaration.Expression;
        }

        CreationSite site = context.GetSite(invocation, argument.Parameter!.Ordinal, kind, isWrapper, function);
        if (target is IDiscardOperation)
        {
            // out _: nobody can ever close it.
            site.Variable ??= "_";
            Leak(site.Id);
            return;
        }

        if (TrackableKey(target) is not { } key)
        {
            // Field, property, array element, the method's own out/ref parameter, captured local.
            EvalChildren(target);
            return;
        }

        Overwrite(key, keep: None);
        state.AddLive(site.Id);
        state.SetHolder(key, new[] { site.Id });
        state.AddLink(invocation, site.Id);
        NameSites(new[] { site.Id }, target);
    }

    /// <summary>The variable is about to get a new value: a live handle only it holds leaks (unless the new value is that handle).</summary>
    private void Overwrite(object key, int[] keep)
    {
        foreach (int id in Held(key))
        {
            if (Array.IndexOf(keep, id) < 0 && !state.IsHeldElsewhere(id, key))
            {
                Leak(id);
                state.Kill(id);
            }
        }
    }

    private void Leak(int id)
    {
        if (report)
        {
            context.ReportLeak(id);
        }
    }

    private void Escape(IEnumerable<int> ids) => Kill(ids);

    private void Kill(IEnumerable<int> ids)
    {
        foreach (int id in ids.ToArray())
        {
            state.Kill(id);
        }
    }

    private void Kill(int id) => state.Kill(id);

    private void EvalChildren(IOperation operation)
    {
        foreach (IOperation child in operation.ChildOperations)
        {
            Escape(Eval(child));
        }
    }

    private void CopyLinks(object key, IOperation value)
    {
        object? source = HresultKey(value);
        state.SetLinks(key, source is null ? None : state.LinkedTo(source));
    }

    private void NameSites(int[] ids, IOperation target)
    {
        string? name = target switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };
        if (name is null)
        {
            return;
        }

        foreach (int id in ids)
        {
            context.Site(id).Variable ??= name;
        }
    }

    // The state's arrays are never changed in place, so they can be handed out as values.
    private int[] Held(object? key) => key is null ? None : state.HeldBy(key);

    /// <summary><c>SafeDrm*Handle.Adopt(h)</c>: the wrapper takes ownership of the raw handle.</summary>
    private bool IsAdopt(IMethodSymbol method)
        => method.Name == "Adopt" && method.IsStatic && Recognizer.GetWrapperKind(method.ContainingType) is not null;

    private bool IsWrapperFactoryCall(IOperation operation)
        => operation is IInvocationOperation invocation
            && Recognizer.GetFunction(invocation.TargetMethod) is null
            && Recognizer.IsRuntimeMethod(invocation.TargetMethod)
            && Recognizer.GetWrapperKind(invocation.TargetMethod.ReturnType) is not null;

    private static string FunctionName(DrmFunction? function, IMethodSymbol method)
        => function?.Name ?? (method.ContainingType?.Name is { } type ? type + "." + method.Name : method.Name);

    /// <summary>A variable of any kind (for reading what it holds).</summary>
    private object? VariableKey(IOperation operation) => OperationShapes.StripConversions(operation) switch
    {
        ILocalReferenceOperation local => context.Aliases.Resolve(local.Local),
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFlowCaptureReferenceOperation capture => capture.Id,
        _ => null,
    };

    /// <summary>A variable this body owns and may track: a plain local or by-value parameter nobody captures.</summary>
    private object? TrackableKey(IOperation target) => target switch
    {
        ILocalReferenceOperation { Local: var local } when context.Aliases.Resolve(local) is var variable
            && !context.Captured.Contains(variable) => variable switch
            {
                ILocalSymbol { RefKind: RefKind.None } => variable,
                IParameterSymbol { RefKind: RefKind.None } => variable,
                _ => null,
            },
        IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter } when !context.Captured.Contains(parameter) => parameter,
        _ => null,
    };

    /// <summary>What an HRESULT test refers to: the creating call itself, or the variable holding its result.</summary>
    private object? HresultKey(IOperation operation)
    {
        IOperation stripped = OperationShapes.StripConversions(operation);
        return stripped switch
        {
            IInvocationOperation => stripped,

            // (hr = DRMX(...)) < 0 tests the call's value, which hr now holds too.
            ISimpleAssignmentOperation { IsRef: false } assignment => HresultKey(assignment.Value),
            _ => VariableKey(stripped),
        };
    }

    /// <summary>Parents whose operands are stored or handed over, not just read.</summary>
    private static bool IsEscapeContext(IOperation operation) => operation.Kind switch
    {
        OperationKind.Argument => true,
        OperationKind.ArrayInitializer => true,
        OperationKind.Tuple => true,
        OperationKind.Return => true,
        OperationKind.YieldReturn => true,
        OperationKind.AnonymousObjectCreation => true,
        OperationKind.DeconstructionAssignment => true,
        OperationKind.AddressOf => true,
        OperationKind.DynamicInvocation => true,
        OperationKind.DynamicObjectCreation => true,
        OperationKind.DynamicIndexerAccess => true,
        OperationKind.None => true,
        _ => false,
    };
}
