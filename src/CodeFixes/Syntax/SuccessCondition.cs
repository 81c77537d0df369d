using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.HandleFlow;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>What a condition says about an HRESULT when it holds.</summary>
internal enum Polarity
{
    /// <summary>Nothing certain.</summary>
    Unknown,

    /// <summary>True means success: the then-branch is a success branch.</summary>
    Success,

    /// <summary>False means success: the else-branch (or the code after an exiting then-branch) is.</summary>
    Failure,
}

/// <summary>
/// Reads HRESULT tests the way the analyzer does: <c>hr &gt;= 0</c>, <c>hr == 0</c>, <c>hr &lt; 0</c>,
/// <c>hr != 0</c>, <c>hr is &gt;= 0</c>, <c>Succeeded(hr)</c>/<c>Failed(hr)</c> in any casing,
/// comparisons with negative constants (the analyzer's <see cref="SuccessTests"/>),
/// <c>!</c>, <c>&amp;&amp;</c> and <c>||</c>.
/// </summary>
internal sealed class SuccessCondition
{
    private readonly SemanticModel model;
    private readonly Func<ExpressionSyntax, bool> isSubject;
    private readonly CancellationToken cancellationToken;

    /// <param name="model">The semantic model of the condition's tree.</param>
    /// <param name="isSubject">True for an expression that is the HRESULT under test (the call itself or its variable).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    internal SuccessCondition(SemanticModel model, Func<ExpressionSyntax, bool> isSubject, CancellationToken cancellationToken)
    {
        this.model = model;
        this.isSubject = isSubject;
        this.cancellationToken = cancellationToken;
    }

    internal Polarity Of(ExpressionSyntax condition)
    {
        condition = Strip(condition);
        if (isSubject(condition))
        {
            // A bool result tested directly: if (TryGetUser(..., out user)).
            return Polarity.Success;
        }

        switch (condition)
        {
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                return Invert(Of(not.Operand));
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } and:
                {
                    Polarity left = Of(and.Left), right = Of(and.Right);
                    return left == Polarity.Success || right == Polarity.Success ? Polarity.Success
                        : left == Polarity.Failure && right == Polarity.Failure ? Polarity.Failure : Polarity.Unknown;
                }

            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or:
                {
                    Polarity left = Of(or.Left), right = Of(or.Right);
                    return left == Polarity.Failure || right == Polarity.Failure ? Polarity.Failure
                        : left == Polarity.Success && right == Polarity.Success ? Polarity.Success : Polarity.Unknown;
                }

            case BinaryExpressionSyntax comparison:
                return Known(Analyzed(comparison), Comparison(comparison));
            case IsPatternExpressionSyntax isPattern when IsSubject(isPattern.Expression):
                return Known(Analyzed(isPattern), Pattern(isPattern.Pattern));
            case InvocationExpressionSyntax invocation:
                return Known(Analyzed(invocation), NamedTest(invocation));
            default:
                return Polarity.Unknown;
        }
    }

    private static Polarity Known(Polarity analyzed, Polarity syntactic) => analyzed != Polarity.Unknown ? analyzed : syntactic;

    /// <summary>
    /// The analyzer's own reading of an atomic test (<see cref="SuccessTests.TryClassify"/>), so the
    /// fix starts where the analyzer says the handle exists: it also knows comparisons with negative
    /// constants (<c>hr == E_DRM_NO_MORE_DATA</c> is a failure side). The syntactic reading below
    /// stays as the fallback for code the semantic model cannot bind.
    /// </summary>
    private Polarity Analyzed(ExpressionSyntax condition)
    {
        IOperation? operation = model.GetOperation(condition, cancellationToken);
        if (operation is null
            || !SuccessTests.TryClassify(operation, out IOperation? operand, out Outcome whenTrue, out Outcome whenFalse)
            || operand is null
            || HandleTransfer.StripConversions(operand).Syntax is not ExpressionSyntax tested
            || !IsSubject(tested))
        {
            return Polarity.Unknown;
        }

        return whenTrue == Outcome.Success ? Polarity.Success
            : whenFalse == Outcome.Success ? Polarity.Failure
            : Polarity.Unknown;
    }

    private static Polarity Invert(Polarity polarity) => polarity switch
    {
        Polarity.Success => Polarity.Failure,
        Polarity.Failure => Polarity.Success,
        _ => Polarity.Unknown,
    };

    private static ExpressionSyntax Strip(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private bool IsSubject(ExpressionSyntax expression)
    {
        expression = Strip(expression);
        if (expression is AssignmentExpressionSyntax assignment)
        {
            expression = Strip(assignment.Right);
        }

        return isSubject(expression);
    }

    private Polarity Comparison(BinaryExpressionSyntax comparison)
    {
        SyntaxKind kind = comparison.Kind();
        ExpressionSyntax other;
        if (IsSubject(comparison.Left))
        {
            other = comparison.Right;
        }
        else if (IsSubject(comparison.Right))
        {
            other = comparison.Left;
            kind = Mirror(kind);
        }
        else
        {
            return Polarity.Unknown;
        }

        Optional<object?> constant = model.GetConstantValue(other, cancellationToken);
        if (!constant.HasValue || constant.Value is null)
        {
            return Polarity.Unknown;
        }

        long value;
        try
        {
            value = Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            return Polarity.Unknown;
        }

        return Relation(kind, value);
    }

    private static Polarity Relation(SyntaxKind kind, long value) => kind switch
    {
        SyntaxKind.GreaterThanOrEqualExpression when value == 0 => Polarity.Success,
        SyntaxKind.GreaterThanExpression when value == -1 => Polarity.Success,
        SyntaxKind.LessThanExpression when value == 0 => Polarity.Failure,
        SyntaxKind.LessThanOrEqualExpression when value == -1 => Polarity.Failure,
        SyntaxKind.EqualsExpression when value == 0 => Polarity.Success,
        SyntaxKind.NotEqualsExpression when value == 0 => Polarity.Failure,
        _ => Polarity.Unknown,
    };

    private static SyntaxKind Mirror(SyntaxKind kind) => kind switch
    {
        SyntaxKind.GreaterThanExpression => SyntaxKind.LessThanExpression,
        SyntaxKind.GreaterThanOrEqualExpression => SyntaxKind.LessThanOrEqualExpression,
        SyntaxKind.LessThanExpression => SyntaxKind.GreaterThanExpression,
        SyntaxKind.LessThanOrEqualExpression => SyntaxKind.GreaterThanOrEqualExpression,
        _ => kind,
    };

    private Polarity Pattern(PatternSyntax pattern)
    {
        switch (pattern)
        {
            case UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } not:
                return Invert(Pattern(not.Pattern));
            case ParenthesizedPatternSyntax parenthesized:
                return Pattern(parenthesized.Pattern);
            case ConstantPatternSyntax constantPattern:
                return ConstantRelation(SyntaxKind.EqualsExpression, constantPattern.Expression);
            case RelationalPatternSyntax relational:
                SyntaxKind kind = relational.OperatorToken.Kind() switch
                {
                    SyntaxKind.GreaterThanEqualsToken => SyntaxKind.GreaterThanOrEqualExpression,
                    SyntaxKind.GreaterThanToken => SyntaxKind.GreaterThanExpression,
                    SyntaxKind.LessThanToken => SyntaxKind.LessThanExpression,
                    SyntaxKind.LessThanEqualsToken => SyntaxKind.LessThanOrEqualExpression,
                    _ => SyntaxKind.None,
                };
                return ConstantRelation(kind, relational.Expression);
            default:
                return Polarity.Unknown;
        }
    }

    private Polarity ConstantRelation(SyntaxKind kind, ExpressionSyntax expression)
    {
        Optional<object?> constant = model.GetConstantValue(expression, cancellationToken);
        if (!constant.HasValue || constant.Value is null)
        {
            return Polarity.Unknown;
        }

        try
        {
            return Relation(kind, Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            return Polarity.Unknown;
        }
    }

    /// <summary><c>SUCCEEDED(hr)</c>, <c>hr.Failed()</c> and the like, in any casing.</summary>
    private Polarity NamedTest(InvocationExpressionSyntax invocation)
    {
        string? name = invocation.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };
        Polarity polarity = string.Equals(name, "Succeeded", StringComparison.OrdinalIgnoreCase) ? Polarity.Success
            : string.Equals(name, "Failed", StringComparison.OrdinalIgnoreCase) ? Polarity.Failure
            : Polarity.Unknown;
        if (polarity == Polarity.Unknown)
        {
            return Polarity.Unknown;
        }

        bool onSubject = invocation.Expression is MemberAccessExpressionSyntax access && IsSubject(access.Expression);
        foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
        {
            onSubject |= IsSubject(argument.Expression);
        }

        return onSubject ? polarity : Polarity.Unknown;
    }
}
