using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>
/// Reads HRESULT tests the way the analyzer does: <c>hr &gt;= 0</c>, <c>hr == 0</c>, <c>hr &lt; 0</c>,
/// <c>hr != 0</c>, <c>hr is &gt;= 0</c>, <c>Succeeded(hr)</c>/<c>Failed(hr)</c> in any casing,
/// comparisons with negative constants (the analyzer's <see cref="SuccessTestClassifier"/>),
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

            case BinaryExpressionSyntax or IsPatternExpressionSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax:
                return Analyzed(condition);
            default:
                return Polarity.Unknown;
        }
    }

    /// <summary>
    /// The analyzer's own reading of an atomic test (<see cref="SuccessTestClassifier.TryClassify"/>), so the
    /// fix starts where the analyzer says the handle exists: it also knows comparisons with negative
    /// constants (<c>hr == E_DRM_NO_MORE_DATA</c> is a failure side). One classifier for both, so the
    /// fix never disagrees with the diagnostic.
    /// </summary>
    private Polarity Analyzed(ExpressionSyntax condition)
    {
        IOperation? operation = model.GetOperation(condition, cancellationToken);
        if (operation is null
            || !SuccessTestClassifier.TryClassify(operation, out IOperation? operand, out Outcome whenTrue, out Outcome whenFalse)
            || operand is null
            || OperationShapes.StripConversions(operand).Syntax is not ExpressionSyntax tested
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
}
