using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.Hresults;

/// <summary>
/// Recognises the atomic tests of an HRESULT (comparisons with constants, patterns,
/// Succeeded/Failed methods) and the zero/null tests of a handle. Negation and &amp;&amp;/||
/// are handled by the caller, which walks the condition.
/// </summary>
internal static class SuccessTestClassifier
{
    /// <summary>
    /// Classifies an atomic HRESULT test: <paramref name="operand"/> is the tested value,
    /// the outcomes say what the true and false sides imply.
    /// </summary>
    internal static bool TryClassify(IOperation condition, out IOperation? operand, out Outcome whenTrue, out Outcome whenFalse)
    {
        operand = null;
        whenTrue = whenFalse = Outcome.Unknown;
        switch (condition)
        {
            case IBinaryOperation binary:
                if (TryGetComparand(binary.RightOperand, out long right))
                {
                    operand = binary.LeftOperand;
                    return Compare(binary.OperatorKind, right, out whenTrue, out whenFalse);
                }

                if (TryGetComparand(binary.LeftOperand, out long left))
                {
                    operand = binary.RightOperand;
                    return Compare(Mirror(binary.OperatorKind), left, out whenTrue, out whenFalse);
                }

                return false;

            case IIsPatternOperation isPattern:
                operand = isPattern.Value;
                return ClassifyPattern(isPattern.Pattern, out whenTrue, out whenFalse);

            case IPropertyReferenceOperation { Instance: { } instance } property when IsSuccessProperty(property, out bool failedProperty):
                operand = instance;
                whenTrue = failedProperty ? Outcome.Failure : Outcome.Success;
                whenFalse = failedProperty ? Outcome.Success : Outcome.Failure;
                return true;

            case IInvocationOperation invocation when IsSuccessMethod(invocation.TargetMethod, out bool isFailed):
                operand = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : invocation.Instance;
                whenTrue = isFailed ? Outcome.Failure : Outcome.Success;
                whenFalse = isFailed ? Outcome.Success : Outcome.Failure;
                return operand is not null;

            default:
                return false;
        }
    }

    /// <summary>
    /// Recognises a test of a handle against zero or null (<c>h == 0</c>, <c>h != 0</c>,
    /// <c>w is null</c>, the compiler's null checks): on the "is zero" side no handle exists.
    /// </summary>
    internal static bool TryGetZeroTest(IOperation condition, out IOperation? operand, out bool trueMeansZero)
    {
        operand = null;
        trueMeansZero = false;
        switch (condition)
        {
            case IIsNullOperation isNull:
                operand = isNull.Operand;
                trueMeansZero = true;
                return true;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                trueMeansZero = binary.OperatorKind == BinaryOperatorKind.Equals;
                operand = IsZeroOrNull(binary.RightOperand) ? binary.LeftOperand
                    : IsZeroOrNull(binary.LeftOperand) ? binary.RightOperand
                    : null;
                return operand is not null;

            case IIsPatternOperation isPattern:
                operand = isPattern.Value;
                return IsZeroPattern(isPattern.Pattern, out trueMeansZero);

            default:
                return false;
        }
    }

    private static bool IsZeroPattern(IPatternOperation pattern, out bool trueMeansZero)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant when IsZeroOrNull(constant.Value):
                trueMeansZero = true;
                return true;
            case INegatedPatternOperation negated when IsZeroPattern(negated.Pattern, out bool inner):
                trueMeansZero = !inner;
                return true;
            default:
                trueMeansZero = false;
                return false;
        }
    }

    private static bool IsZeroOrNull(IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
        {
            object? value = operation.ConstantValue.Value;
            return value is null || (TryGetInteger(operation, out long number) && number == 0);
        }

        // IntPtr.Zero / UIntPtr.Zero, and default(T).
        IOperation stripped = OperationShapes.StripConversions(operation);
        return stripped is IDefaultValueOperation
            || (stripped is IFieldReferenceOperation { Field: { Name: "Zero", IsStatic: true } field }
                && field.ContainingType?.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr);
    }

    private static bool ClassifyPattern(IPatternOperation pattern, out Outcome whenTrue, out Outcome whenFalse)
    {
        switch (pattern)
        {
            case IRelationalPatternOperation relational when TryGetInteger(relational.Value, out long value):
                return Compare(relational.OperatorKind, value, out whenTrue, out whenFalse);
            case IConstantPatternOperation constant when TryGetInteger(constant.Value, out long value):
                return Compare(BinaryOperatorKind.Equals, value, out whenTrue, out whenFalse);
            case INegatedPatternOperation negated when ClassifyPattern(negated.Pattern, out Outcome innerTrue, out Outcome innerFalse):
                whenTrue = innerFalse;
                whenFalse = innerTrue;
                return true;
            case IBinaryPatternOperation binary:
                return ClassifyBinaryPattern(binary, out whenTrue, out whenFalse);
            case IRecursivePatternOperation recursive:
                return ClassifyPropertyPattern(recursive, out whenTrue, out whenFalse);
            default:
                whenTrue = whenFalse = Outcome.Unknown;
                return false;
        }
    }

    /// <summary>
    /// <c>p or q</c> / <c>p and q</c>. A side where both parts hold knows what either part knows
    /// (<see cref="Both"/>); a side where one of two parts holds knows only what both agree on
    /// (<see cref="Either"/>). So <c>hr is &lt; 0 or E_DRM_X</c> is a failure when true (every branch
    /// fails) and a success when false. A part that is no HRESULT test (a type pattern) is Unknown.
    /// </summary>
    private static bool ClassifyBinaryPattern(IBinaryPatternOperation binary, out Outcome whenTrue, out Outcome whenFalse)
    {
        bool leftKnown = ClassifyPattern(binary.LeftPattern, out Outcome leftTrue, out Outcome leftFalse);
        bool rightKnown = ClassifyPattern(binary.RightPattern, out Outcome rightTrue, out Outcome rightFalse);
        if (binary.OperatorKind == BinaryOperatorKind.Or)
        {
            whenTrue = Either(leftTrue, rightTrue);
            whenFalse = Both(leftFalse, rightFalse);
        }
        else
        {
            whenTrue = Both(leftTrue, rightTrue);
            whenFalse = Either(leftFalse, rightFalse);
        }

        return (leftKnown || rightKnown) && (whenTrue != Outcome.Unknown || whenFalse != Outcome.Unknown);
    }

    /// <summary>
    /// <c>hr is { Failed: true }</c>, <c>hr is { Succeeded: false }</c>, <c>hr is { Value: &lt; 0 }</c>: a
    /// property pattern with one subpattern on an HRESULT struct's success member or its value.
    /// </summary>
    private static bool ClassifyPropertyPattern(IRecursivePatternOperation recursive, out Outcome whenTrue, out Outcome whenFalse)
    {
        whenTrue = whenFalse = Outcome.Unknown;
        if (recursive.DeconstructionSubpatterns.Length != 0 || recursive.PropertySubpatterns.Length != 1
            || recursive.PropertySubpatterns[0] is not { Member: IMemberReferenceOperation member } subpattern
            || !HresultStruct.IsHresultStruct(recursive.MatchedType))
        {
            return false;
        }

        if (member.Member.Name == "Value")
        {
            return ClassifyPattern(subpattern.Pattern, out whenTrue, out whenFalse);
        }

        if (member is not IPropertyReferenceOperation property || !IsSuccessProperty(property, out bool isFailed)
            || subpattern.Pattern is not IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool expected } })
        {
            return false;
        }

        // The member is true on the failure side for Failed; "is { Failed: false }" turns it round.
        bool trueMeansFailure = isFailed == expected;
        whenTrue = trueMeansFailure ? Outcome.Failure : Outcome.Success;
        whenFalse = trueMeansFailure ? Outcome.Success : Outcome.Failure;
        return true;
    }

    /// <summary>Both facts hold: any failure means nothing was created (a contradiction is unreachable anyway).</summary>
    private static Outcome Both(Outcome a, Outcome b)
        => a == Outcome.Failure || b == Outcome.Failure ? Outcome.Failure
            : a == Outcome.Success || b == Outcome.Success ? Outcome.Success
            : Outcome.Unknown;

    /// <summary>One of two facts holds: only what they agree on is known.</summary>
    private static Outcome Either(Outcome a, Outcome b) => a == b ? a : Outcome.Unknown;

    /// <summary>What <c>hr OP k</c> implies on each side (success: hr &gt;= 0; failure: hr &lt; 0).</summary>
    private static bool Compare(BinaryOperatorKind kind, long k, out Outcome whenTrue, out Outcome whenFalse)
    {
        Outcome successIf(bool condition) => condition ? Outcome.Success : Outcome.Unknown;
        Outcome failureIf(bool condition) => condition ? Outcome.Failure : Outcome.Unknown;
        switch (kind)
        {
            case BinaryOperatorKind.Equals:
                whenTrue = k >= 0 ? Outcome.Success : Outcome.Failure;

                // hr != 0 reads as a failure; hr != E_DRM_x as "the call did not fail that way".
                whenFalse = k == 0 ? Outcome.Failure : k < 0 ? Outcome.Success : Outcome.Unknown;
                return true;
            case BinaryOperatorKind.NotEquals:
                Compare(BinaryOperatorKind.Equals, k, out whenFalse, out whenTrue);
                return true;
            case BinaryOperatorKind.LessThan:
                whenTrue = failureIf(k <= 0);
                whenFalse = successIf(k >= 0);
                return true;
            case BinaryOperatorKind.LessThanOrEqual:
                whenTrue = failureIf(k < 0);
                whenFalse = successIf(k >= -1);
                return true;
            case BinaryOperatorKind.GreaterThan:
                whenTrue = successIf(k >= -1);
                whenFalse = failureIf(k < 0);
                return true;
            case BinaryOperatorKind.GreaterThanOrEqual:
                whenTrue = successIf(k >= 0);
                whenFalse = failureIf(k <= 0);
                return true;
            default:
                whenTrue = whenFalse = Outcome.Unknown;
                return false;
        }
    }

    private static BinaryOperatorKind Mirror(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
        BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
        BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
        BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
        _ => kind,
    };

    /// <summary>A bool method named Succeeded or Failed (any casing) that takes the HRESULT.</summary>
    private static bool IsSuccessMethod(IMethodSymbol method, out bool isFailed)
    {
        isFailed = string.Equals(method.Name, "Failed", StringComparison.OrdinalIgnoreCase);
        bool isSucceeded = string.Equals(method.Name, "Succeeded", StringComparison.OrdinalIgnoreCase);
        int inputs = method.Parameters.Length + (method.IsStatic ? 0 : 1);
        return (isFailed || isSucceeded) && method.ReturnType.SpecialType == SpecialType.System_Boolean && inputs >= 1;
    }

    /// <summary>A bool property named Succeeded or Failed (any casing) of an HRESULT struct.</summary>
    private static bool IsSuccessProperty(IPropertyReferenceOperation property, out bool isFailed)
    {
        IPropertySymbol symbol = property.Property;
        isFailed = string.Equals(symbol.Name, "Failed", StringComparison.OrdinalIgnoreCase);
        bool isSucceeded = string.Equals(symbol.Name, "Succeeded", StringComparison.OrdinalIgnoreCase);
        return (isFailed || isSucceeded) && !symbol.IsStatic && symbol.Parameters.Length == 0
            && symbol.Type.SpecialType == SpecialType.System_Boolean
            && HresultStruct.IsHresultStruct(symbol.ContainingType);
    }

    /// <summary>
    /// What an HRESULT is compared with: an integer constant, also converted to an HRESULT struct
    /// (<c>(HRESULT)0</c>), or an HRESULT struct's <c>S_OK</c>-like member (<c>HRESULT.S_OK</c>, which
    /// CsWin32 declares <c>static readonly</c>, so it is no constant to the compiler).
    /// </summary>
    private static bool TryGetComparand(IOperation operation, out long value)
    {
        IOperation stripped = OperationShapes.StripConversions(operation);
        if (TryGetInteger(operation, out value) || TryGetInteger(stripped, out value))
        {
            return true;
        }

        if (stripped is IMemberReferenceOperation { Instance: null, Member: { IsStatic: true } member }
            && member is IFieldSymbol or IPropertySymbol
            && HresultStruct.IsHresultStruct(member.ContainingType))
        {
            switch (member.Name)
            {
                case "S_OK" or "NOERROR" or "NO_ERROR":
                    value = 0;
                    return true;
                case "S_FALSE":
                    value = 1;
                    return true;
            }
        }

        value = 0;
        return false;
    }

    /// <summary>The integer value of a constant (literal, const, enum member, cast of a constant).</summary>
    internal static bool TryGetInteger(IOperation operation, out long value)
    {
        value = 0;
        if (!operation.ConstantValue.HasValue)
        {
            return false;
        }

        switch (operation.ConstantValue.Value)
        {
            case int i: value = i; return true;
            case uint u: value = u; return true;
            case long l: value = l; return true;
            case ulong ul when ul <= long.MaxValue: value = (long)ul; return true;
            case short s: value = s; return true;
            case ushort us: value = us; return true;
            case sbyte sb: value = sb; return true;
            case byte b: value = b; return true;
            default: return false;
        }
    }
}
