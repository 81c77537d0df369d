using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>
/// Moves a call out of the statement that holds it into a local declared just before it:
/// <c>lock (Gate(Create(out h)))</c> becomes <c>var hr = Create(out h); lock (Gate(hr))</c>, and a
/// wrapper used as a temporary, <c>!s.Duplicate().IsInvalid</c>, gets a name. Only where the call
/// always runs and runs first, so the program does the same things in the same order.
/// </summary>
internal static class LocalExtraction
{
    /// <summary>The new tree, or null when moving the call could change what the statement does.</summary>
    internal static SyntaxNode? Extract(SyntaxNode root, StatementSyntax statement, ExpressionSyntax call, string baseName, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!InHeader(statement, call) || !RangeGuards.Unconditional(call, statement) || RunsSomethingBefore(statement, call))
        {
            return null;
        }

        ITypeSymbol? type = model.GetTypeInfo(call, cancellationToken).Type;
        if (type is null || type.TypeKind == TypeKind.Error || type.SpecialType == SpecialType.System_Void)
        {
            return null;
        }

        StatementList? list = StatementList.Containing(statement);
        if (list is null)
        {
            return statement.Parent is LabeledStatementSyntax ? null : Normalizer.Brace(root, statement);
        }

        string name = Normalizer.UniqueLocalName(statement, baseName, model);
        var declaration = SyntaxFactory.LocalDeclarationStatement(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.IdentifierName("var"),
                    SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                            .WithInitializer(SyntaxFactory.EqualsValueClause(call.WithoutTrivia())))))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        StatementSyntax rewritten = statement.ReplaceNode(call, SyntaxFactory.IdentifierName(name).WithTriviaFrom(call))
            .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
            .WithAdditionalAnnotations(Formatter.Annotation);
        int index = list.IndexOf(statement);
        return root.ReplaceNode(list.Owner, list.ReplaceRange(index, index, new[] { declaration, rewritten }));
    }

    /// <summary>The call is evaluated once, before the statement's body: not in a body, a loop condition or an iterator.</summary>
    private static bool InHeader(StatementSyntax statement, SyntaxNode call)
    {
        SyntaxNode? header = statement switch
        {
            UsingStatementSyntax u => (SyntaxNode?)u.Expression ?? u.Declaration,
            LockStatementSyntax l => l.Expression,
            FixedStatementSyntax f => f.Declaration.Variables.FirstOrDefault(),
            CommonForEachStatementSyntax e => e.Expression,
            ExpressionStatementSyntax e => e.Expression,
            ReturnStatementSyntax r => r.Expression,
            LocalDeclarationStatementSyntax d when d.UsingKeyword.IsKind(SyntaxKind.None) && !d.IsConst => d.Declaration.Variables.FirstOrDefault(),
            _ => null,
        };
        return header is not null && header.Span.Contains(call.Span);
    }

    /// <summary>True when a call, assignment or await runs before <paramref name="call"/> in the statement (moving it would reorder them).</summary>
    private static bool RunsSomethingBefore(StatementSyntax statement, SyntaxNode call)
        => statement.DescendantNodes(n => n != call)
            .Any(n => n.Span.End <= call.SpanStart
                && n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax or AwaitExpressionSyntax
                    or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
                    or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression });
}
