using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MsDrm.Analyzers.FlowInfrastructure;

/// <summary>
/// Which statement a branch into a graph's exit block stands for. Roslyn's graph keeps the value of
/// <c>return x;</c> but not a bare <c>return;</c>, and the end of the body looks the same: both are
/// plain branches to the exit. The statement is found from the syntax the source block ends with, by
/// following the statements that run next (the then or else side of the condition it tests, the next
/// statement, the end of the enclosing block) until a <c>return</c> or the end of the body.
/// </summary>
internal static class ExitStatements
{
    /// <summary>How a path leaves the body.</summary>
    internal enum Kind
    {
        /// <summary>A <c>return</c> statement (or an expression body's value).</summary>
        Return,

        /// <summary>The closing brace of the body: the path runs off its end.</summary>
        EndOfBody,

        /// <summary>The statement could not be told; the node is the last one the path runs before it leaves.</summary>
        After,
    }

    /// <summary>Where the exit <paramref name="branch"/> takes from <paramref name="source"/> is in the source, and what it is.</summary>
    internal static (Location Location, Kind Kind)? Find(BasicBlock source, ControlFlowBranch branch)
    {
        SyntaxNode? anchor = source.BranchValue?.Syntax;
        if (anchor is null && source.Operations.Length > 0)
        {
            anchor = source.Operations[source.Operations.Length - 1].Syntax;
        }

        if (anchor is null)
        {
            return null;
        }

        if (Enclosing<ReturnStatementSyntax>(anchor) is { } valueReturn)
        {
            return (valueReturn.GetLocation(), Kind.Return);
        }

        if (branch.Semantics == ControlFlowBranchSemantics.Return)
        {
            // An expression body or a lambda's value.
            return (anchor.GetLocation(), Kind.Return);
        }

        SyntaxNode? next = source.BranchValue is not null && source.ConditionKind != ControlFlowConditionKind.None
            ? AfterCondition(anchor, TakenWhen(source, branch))
            : AfterStatement(StatementOf(anchor));
        if (next is null && StatementOf(anchor) is null && ExpressionBody(anchor) is { } expressionBody)
        {
            // void M() => Call(); or a lambda's expression body: the path ends with the expression.
            return (expressionBody.GetLocation(), Kind.EndOfBody);
        }

        return next switch
        {
            ReturnStatementSyntax bare => (bare.GetLocation(), Kind.Return),
            BlockSyntax body => (body.CloseBraceToken.GetLocation(), Kind.EndOfBody),
            _ => (anchor.GetLocation(), Kind.After),
        };
    }

    /// <summary>The value of the tested expression for which the branch is taken.</summary>
    private static bool TakenWhen(BasicBlock source, ControlFlowBranch branch)
    {
        bool conditionalWhen = source.ConditionKind == ControlFlowConditionKind.WhenTrue;
        return ReferenceEquals(branch, source.ConditionalSuccessor) ? conditionalWhen : !conditionalWhen;
    }

    /// <summary>Where control goes when <paramref name="tested"/> is <paramref name="value"/>: up through <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> to the statement that tests it.</summary>
    private static SyntaxNode? AfterCondition(SyntaxNode tested, bool value)
    {
        SyntaxNode node = tested;
        while (node.Parent is { } parent)
        {
            switch (parent)
            {
                case ParenthesizedExpressionSyntax:
                    break;
                case PrefixUnaryExpressionSyntax unary:
                    if (!unary.IsKind(SyntaxKind.LogicalNotExpression))
                    {
                        return null;
                    }

                    value = !value;
                    break;
                case BinaryExpressionSyntax logical when logical.IsKind(SyntaxKind.LogicalAndExpression) || logical.IsKind(SyntaxKind.LogicalOrExpression):
                    // The left operand decides the whole only on its short-circuit side; the right one always.
                    bool shortCircuit = logical.IsKind(SyntaxKind.LogicalOrExpression);
                    if (logical.Left == node && value != shortCircuit)
                    {
                        return null;
                    }

                    break;
                case PatternSyntax:
                    break;
                case SwitchLabelSyntax label when value && label.Parent is SwitchSectionSyntax { Statements.Count: > 0 } section:
                    return FirstOf(section.Statements[0]);
                case IfStatementSyntax ifStatement when ifStatement.Condition == node:
                    return value ? FirstOf(ifStatement.Statement) : ifStatement.Else is { } elseClause ? FirstOf(elseClause.Statement) : AfterStatement(ifStatement);
                case WhileStatementSyntax whileStatement when whileStatement.Condition == node && !value:
                    return AfterStatement(whileStatement);
                case ForStatementSyntax forStatement when forStatement.Condition == node && !value:
                    return AfterStatement(forStatement);
                case DoStatementSyntax doStatement when doStatement.Condition == node && !value:
                    return AfterStatement(doStatement);
                default:
                    return null;
            }

            node = parent;
        }

        return null;
    }

    /// <summary>The first statement <paramref name="statement"/> runs, skipping blocks, labels and declarations that run nothing.</summary>
    private static SyntaxNode? FirstOf(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax bare => bare,
        BlockSyntax block => block.Statements.Count > 0 ? FirstOf(block.Statements[0]) : AfterStatement(block),
        LabeledStatementSyntax labeled => FirstOf(labeled.Statement),
        EmptyStatementSyntax or LocalFunctionStatementSyntax => AfterStatement(statement),
        BreakStatementSyntax => AfterStatement(Broken(statement)),
        _ => null,
    };

    /// <summary>What runs after <paramref name="statement"/> completes normally: its next sibling, else what follows its parent; a body's own block when it ends the body.</summary>
    private static SyntaxNode? AfterStatement(StatementSyntax? statement)
    {
        while (statement is not null)
        {
            switch (statement.Parent)
            {
                case BlockSyntax block:
                    int index = block.Statements.IndexOf(statement);
                    if (index >= 0 && index + 1 < block.Statements.Count)
                    {
                        return FirstOf(block.Statements[index + 1]);
                    }

                    if (block.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)
                    {
                        return block;
                    }

                    statement = block;
                    break;
                case SwitchSectionSyntax section:
                    // C# forbids falling out of a section: its last statement is a break, return or goto (FirstOf).
                    int next = section.Statements.IndexOf(statement) + 1;
                    return next > 0 && next < section.Statements.Count ? FirstOf(section.Statements[next]) : null;
                case LabeledStatementSyntax labeled:
                    statement = labeled;
                    break;
                case ElseClauseSyntax elseClause:
                    statement = elseClause.Parent as StatementSyntax;
                    break;
                case IfStatementSyntax or UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax or CheckedStatementSyntax or UnsafeStatementSyntax or TryStatementSyntax:
                    statement = (StatementSyntax)statement.Parent;
                    break;
                case FinallyClauseSyntax or CatchClauseSyntax:
                    statement = statement.Parent.Parent as StatementSyntax;
                    break;
                default:
                    // A loop body goes round again; anything else is not a statement list this follows.
                    return null;
            }
        }

        return null;
    }

    /// <summary>The expression body (<c>=&gt; expr</c> of a member, local function or lambda) that holds <paramref name="node"/>.</summary>
    private static SyntaxNode? ExpressionBody(SyntaxNode node)
    {
        for (SyntaxNode? current = node; current is not null; current = current.Parent)
        {
            switch (current.Parent)
            {
                case ArrowExpressionClauseSyntax arrow:
                    return arrow;
                case AnonymousFunctionExpressionSyntax lambda when lambda.ExpressionBody == current:
                    return current;
                case StatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The switch or loop a <c>break</c> leaves.</summary>
    private static StatementSyntax? Broken(StatementSyntax breakStatement)
    {
        for (SyntaxNode? current = breakStatement.Parent; current is StatementSyntax or SwitchSectionSyntax; current = current.Parent)
        {
            if (current is SwitchStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax)
            {
                return (StatementSyntax)current;
            }
        }

        return null;
    }

    /// <summary>The statement that holds <paramref name="node"/> directly (not one nested in a lambda).</summary>
    private static StatementSyntax? StatementOf(SyntaxNode node)
    {
        for (SyntaxNode? current = node; current is not null; current = current.Parent)
        {
            if (current is StatementSyntax statement && current.Parent is BlockSyntax or SwitchSectionSyntax or LabeledStatementSyntax or IfStatementSyntax or ElseClauseSyntax or UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax)
            {
                return statement;
            }

            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            {
                return null;
            }
        }

        return null;
    }

    private static T? Enclosing<T>(SyntaxNode node)
        where T : SyntaxNode
    {
        for (SyntaxNode? current = node; current is not null; current = current.Parent)
        {
            if (current is T found)
            {
                return found;
            }

            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax)
            {
                return null;
            }
        }

        return null;
    }
}
