using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.Analyzers.Summaries;

/// <summary>
/// Does a method forward an HRESULT? It returns <c>int</c>/<c>uint</c> or an HRESULT struct, at least one returned value
/// is the result of a DRM call or of another forwarding method (directly or through a local), and
/// every other returned value is an integer constant or another call's integer result. A local
/// counts by the values written to it (<c>hr = E_OUTOFMEMORY; hr = CoCreateGuid(...)</c>); a local
/// written any other way (out/ref, compound assignment, address taken) and any other returned
/// value (a field, a property, a parameter, arithmetic) stop it.
/// </summary>
internal sealed class HresultForwarding
{
    private readonly DrmCallRecognizer recognizer;
    private readonly Dictionary<ILocalSymbol, List<IOperation>> writes = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> spoiled = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> visited = new(SymbolEqualityComparer.Default);
    private readonly List<IOperation> returned = new();
    private bool fromDrm;
    private bool fromOtherThanClose;
    private bool broken;

    private HresultForwarding(DrmCallRecognizer recognizer) => this.recognizer = recognizer;

    /// <summary>Classifies the method's returned values; <paramref name="onlyCloses"/> when every DRM result comes from a close function.</summary>
    internal static bool Forwards(SummaryBody body, DrmCallRecognizer recognizer, out bool onlyCloses)
    {
        onlyCloses = false;
        if (!HresultStruct.CarriesHresult(body.Method.ReturnType) || body.Method.ReturnType.TypeKind == TypeKind.Enum)
        {
            return false;
        }

        var forwarding = new HresultForwarding(recognizer);
        forwarding.Collect(body.Body);
        foreach (IOperation value in forwarding.returned)
        {
            forwarding.Evaluate(value);
        }

        bool forwards = forwarding.fromDrm && !forwarding.broken;
        onlyCloses = forwards && !forwarding.fromOtherThanClose;
        return forwards;
    }

    private void Collect(IOperation body)
    {
        var pending = new Stack<(IOperation Operation, bool Nested)>();
        pending.Push((body, false));
        while (pending.Count > 0)
        {
            (IOperation operation, bool nested) = pending.Pop();
            Note(operation, nested);
            bool childNested = nested || (operation != body && operation.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction);
            foreach (IOperation child in operation.ChildOperations)
            {
                pending.Push((child, childNested));
            }
        }
    }

    private void Note(IOperation operation, bool nested)
    {
        switch (operation)
        {
            case IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value } when !nested:
                returned.Add(value);
                break;
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                WriteTo(declarator.Symbol, initializer.Value);
                break;
            case ISimpleAssignmentOperation { IsRef: false, Target: ILocalReferenceOperation target } assignment:
                WriteTo(target.Local, assignment.Value);
                break;
            case ISimpleAssignmentOperation { IsRef: true, Value: ILocalReferenceOperation aliased }:
                spoiled.Add(aliased.Local);
                break;
            case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target }:
                spoiled.Add(target.Local);
                break;
            case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target }:
                spoiled.Add(target.Local);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                SpoilLocalsIn(deconstruction.Target);
                break;
            case IArgumentOperation { Parameter.RefKind: not RefKind.None } argument:
                SpoilLocalsIn(argument.Value);
                break;
            case IAddressOfOperation addressOf:
                SpoilLocalsIn(addressOf.Reference);
                break;
        }
    }

    private void WriteTo(ILocalSymbol local, IOperation value)
    {
        if (!writes.TryGetValue(local, out List<IOperation>? values))
        {
            writes.Add(local, values = new List<IOperation>());
        }

        values.Add(value);
    }

    private void SpoilLocalsIn(IOperation operation)
    {
        foreach (IOperation node in operation.DescendantsAndSelf())
        {
            if (node is ILocalReferenceOperation local)
            {
                spoiled.Add(local.Local);
            }
        }
    }

    private void Evaluate(IOperation value)
    {
        value = OperationShapes.StripConversions(value);
        if (value.ConstantValue.HasValue)
        {
            // An integer constant (a literal, a const, an enum member) read by value: allowed.
            return;
        }

        switch (value)
        {
            case IInvocationOperation invocation:
                EvaluateCall(invocation);
                return;
            case ILocalReferenceOperation local when !spoiled.Contains(local.Local) && !local.Local.IsRef:
                if (visited.Add(local.Local) && writes.TryGetValue(local.Local, out List<IOperation>? values))
                {
                    foreach (IOperation written in values)
                    {
                        Evaluate(written);
                    }
                }

                return;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                Evaluate(conditional.WhenTrue);
                Evaluate(whenFalse);
                return;
            default:
                broken = true;
                return;
        }
    }

    private void EvaluateCall(IInvocationOperation invocation)
    {
        RecognizedMethod method = recognizer.Recognize(invocation.TargetMethod);
        if (method.Function is { } function && IsInteger(invocation.TargetMethod.ReturnType))
        {
            fromDrm = true;
            fromOtherThanClose |= !function.IsClose;
        }
        else if (method.Summary is { ForwardsHresult: true } summary)
        {
            fromDrm = true;
            fromOtherThanClose |= !summary.ForwardsOnlyCloses;
        }
        else if (!IsInteger(invocation.TargetMethod.ReturnType))
        {
            broken = true;
        }
    }

    /// <summary>An <c>int</c>/<c>uint</c> (or enum over one) or an HRESULT struct: a value that can carry an HRESULT.</summary>
    private static bool IsInteger(ITypeSymbol type) => HresultStruct.CarriesHresult(type);
}
