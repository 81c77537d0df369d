using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>
/// Checks that keep a new block from making code worse: a label inside it that a <c>goto</c>
/// outside targets (CS0159 once the label is nested), and a second handle written into the same
/// variable inside it (the block would close the first handle at the end, and a close of the second
/// inside it would be removed).
/// </summary>
internal static class RangeGuards
{
    /// <summary>
    /// Grows [start, end] over every <c>goto</c> after the range that targets a label at the top of
    /// the range; null when a <c>goto</c> before the range targets one (it would jump into the block).
    /// </summary>
    internal static int? CoverGotos(StatementList list, int start, int end, SyntaxNode scope)
    {
        for (int i = start; i <= end && i < list.Statements.Count; i++)
        {
            foreach (string label in Labels(list.Statements[i]))
            {
                foreach (GotoStatementSyntax jump in scope.DescendantNodes().OfType<GotoStatementSyntax>()
                    .Where(g => g.IsKind(SyntaxKind.GotoStatement) && g.Expression is IdentifierNameSyntax { Identifier.ValueText: var name } && name == label))
                {
                    int index = IndexHolding(list, jump);
                    if (index < start)
                    {
                        // From before the range (it would jump into the block) or from outside the list.
                        return null;
                    }

                    end = System.Math.Max(end, index);
                }
            }
        }

        return end;
    }

    /// <summary>
    /// The first statement in [start, end] that writes <paramref name="handle"/> again; whether the
    /// write always happens there (an expression statement or declaration, not under a condition);
    /// where the write starts: from there the variable holds another handle.
    /// where the write ends, after which the variable holds another handle.
    /// </summary>
    internal static (int Index, bool Unconditional, bool ReadsFirst, int WriteStart)? FirstOverwrite(StatementList list, int start, int end, ISymbol handle, SemanticModel model, CancellationToken cancellationToken)
    {
        for (int i = start; i <= end; i++)
        {
            StatementSyntax statement = list.Statements[i];
            var references = SymbolReferences.In(statement, handle, model, cancellationToken).ToList();
            IdentifierNameSyntax? write = references.FirstOrDefault(SymbolReferences.IsWrite);
            if (write is null)
            {
                continue;
            }

            bool unconditional = statement is ExpressionStatementSyntax or LocalDeclarationStatementSyntax && Unconditional(write, statement);
            bool readsFirst = references.Any(r => r != write && r.SpanStart < write.SpanStart);
            return (i, unconditional, readsFirst, write.SpanStart);
        }

        return null;
    }

    /// <summary>True when nothing between the node and the statement makes its evaluation conditional.</summary>
    internal static bool Unconditional(SyntaxNode node, SyntaxNode statement)
    {
        for (SyntaxNode child = node, parent = node.Parent!; child != statement && parent is not null; child = parent, parent = parent.Parent!)
        {
            switch (parent)
            {
                case ConditionalExpressionSyntax conditional when conditional.Condition != child:
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression or (int)SyntaxKind.CoalesceExpression } binary when binary.Right == child:
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceAssignmentExpression } coalesce when coalesce.Right == child:
                case ConditionalAccessExpressionSyntax access when access.WhenNotNull == child:
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                case SwitchExpressionArmSyntax:
                case QueryExpressionSyntax:
                    return false;
                case StatementSyntax when parent != statement:
                    return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Labels(StatementSyntax statement)
    {
        while (statement is LabeledStatementSyntax labeled)
        {
            yield return labeled.Identifier.ValueText;
            statement = labeled.Statement;
        }
    }

    /// <summary>The index of the statement of the list that holds <paramref name="node"/>; -1 when none.</summary>
    private static int IndexHolding(StatementList list, SyntaxNode node)
    {
        for (int i = 0; i < list.Statements.Count; i++)
        {
            if (list.Statements[i].Span.Contains(node.Span))
            {
                return i;
            }
        }

        return -1;
    }
}
