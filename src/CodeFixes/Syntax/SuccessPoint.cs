using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>
/// Where a created handle exists: right after the creating statement, or, when the diagnostic says
/// the handle exists only on success, inside the success branch of the HRESULT test (the then- or
/// else-branch, or the code after <c>if (hr &lt; 0) return;</c>). When unsure it answers "after the
/// creating statement": adopting a handle that was never created (0) is harmless.
/// </summary>
internal readonly struct SuccessPoint
{
    private SuccessPoint(StatementList? list, int start, SyntaxNode? normalized)
    {
        List = list;
        Start = start;
        Normalized = normalized;
    }

    internal StatementList? List { get; }

    internal int Start { get; }

    /// <summary>A tree where the success branch got braces; plan again on it.</summary>
    internal SyntaxNode? Normalized { get; }

    internal static SuccessPoint Find(FixInput input, StatementSyntax creating, StatementList list, System.Collections.Generic.IReadOnlyList<ISymbol> aliases, SyntaxNode scope)
    {
        var after = new SuccessPoint(list, list.IndexOf(creating) + 1, null);
        if (!input.Facts.SuccessConditional)
        {
            return after;
        }

        (IfStatementSyntax? test, Func<ExpressionSyntax, bool>? isSubject) = FindTest(input, creating, list);
        if (test is null || isSubject is null)
        {
            return after;
        }

        var condition = new SuccessCondition(input.Model, isSubject, input.CancellationToken);
        var polarity = condition.Of(test.Condition);
        if (polarity == Polarity.Success && test.Else is null && SplitAnd(input, test, condition, direct: test == creating) is { } split)
        {
            // if (A && B): the handle of A also lives when B fails; nest the tests so a block can follow A alone.
            return new SuccessPoint(null, 0, split);
        }

        StatementSyntax? branch = polarity switch
        {
            Polarity.Success => test.Statement,
            Polarity.Failure => test.Else?.Statement,
            _ => null,
        };

        // The handle used after the whole if statement: a block inside a branch would close it too early.
        bool usedAfterTest = aliases.Any(a => SymbolReferences.In(scope, a, input.Model, input.CancellationToken).Any(r => r.SpanStart >= test.Span.End));
        if (usedAfterTest && !(polarity == Polarity.Failure && test.Else is null))
        {
            return after;
        }

        if (branch is not null)
        {
            return branch is BlockSyntax block
                ? new SuccessPoint(StatementList.Of(block), 0, null)
                : new SuccessPoint(null, 0, Normalizer.Brace(input.Root, branch));
        }

        if (polarity == Polarity.Failure && !EndPointReachable(input, test.Statement) && list.IndexOf(test) >= 0)
        {
            return new SuccessPoint(list, list.IndexOf(test) + 1, null);
        }

        return after;
    }

    /// <summary>
    /// <c>if (A &amp;&amp; B) S</c> (no else) becomes <c>if (A) { if (B) S }</c> when the then-branch is
    /// not exactly where the handle lives: its test is in A, or in B as a stored HRESULT (B's call,
    /// tested in place, runs only when A holds, so then the branch is exact). Null when not needed.
    /// </summary>
    private static SyntaxNode? SplitAnd(FixInput input, IfStatementSyntax test, SuccessCondition condition, bool direct)
    {
        ExpressionSyntax expression = test.Condition;
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        if (expression is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } and
            || (condition.Of(and.Left) == Polarity.Unknown && direct))
        {
            return null;
        }

        var inner = SyntaxFactory.IfStatement(and.Right.WithoutTrivia(), test.Statement.WithoutTrivia());
        var outer = SyntaxFactory.IfStatement(and.Left.WithoutTrivia(), SyntaxFactory.Block(inner))
            .WithTriviaFrom(test)
            .WithAdditionalAnnotations(Formatter.Annotation);
        return input.Root.ReplaceNode(test, outer);
    }

    /// <summary>The if statement testing the call's HRESULT: the creating statement itself, or the first later one testing its variable.</summary>
    private static (IfStatementSyntax? Test, Func<ExpressionSyntax, bool>? IsSubject) FindTest(FixInput input, StatementSyntax creating, StatementList list)
    {
        InvocationExpressionSyntax invocation = input.Invocation;
        if (creating is IfStatementSyntax direct && direct.Condition.Span.Contains(invocation.Span))
        {
            return (direct, e => e == invocation);
        }

        ISymbol? hr = ResultVariable(input, invocation);
        if (hr is null)
        {
            return (null, null);
        }

        Func<ExpressionSyntax, bool> isHr = e => e is IdentifierNameSyntax id && id.Identifier.ValueText == hr.Name
            && SymbolEqualityComparer.Default.Equals(input.Model.GetSymbolInfo(id, input.CancellationToken).Symbol, hr);
        for (int i = list.IndexOf(creating) + 1; i < list.Statements.Count; i++)
        {
            StatementSyntax statement = list.Statements[i];
            if (statement is IfStatementSyntax candidate && SymbolReferences.IsReferencedIn(candidate.Condition, hr, input.Model, input.CancellationToken))
            {
                return (candidate, isHr);
            }

            if (SymbolReferences.IsReferencedIn(statement, hr, input.Model, input.CancellationToken))
            {
                break;
            }
        }

        return (null, null);
    }

    /// <summary>The variable the call's HRESULT is stored in: <c>int hr = call;</c> or <c>hr = call;</c>.</summary>
    private static ISymbol? ResultVariable(FixInput input, InvocationExpressionSyntax invocation)
    {
        SyntaxNode node = invocation;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => input.Model.GetDeclaredSymbol(declarator, input.CancellationToken),
            AssignmentExpressionSyntax assignment when assignment.Right == node && assignment.Left is IdentifierNameSyntax left
                => input.Model.GetSymbolInfo(left, input.CancellationToken).Symbol,
            _ => null,
        };
    }

    private static bool EndPointReachable(FixInput input, StatementSyntax statement)
    {
        try
        {
            ControlFlowAnalysis? flow = input.Model.AnalyzeControlFlow(statement);
            return flow is null || !flow.Succeeded || flow.EndPointIsReachable;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
