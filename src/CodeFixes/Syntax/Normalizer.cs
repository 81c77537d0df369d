using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>
/// Rewrites that give a fix statements to work with: an expression body becomes a block body, an
/// embedded statement gets braces, <c>return call;</c> is split so code can run after the call.
/// </summary>
internal static class Normalizer
{
    /// <summary>
    /// The statement holding <paramref name="node"/>, or null when the node sits in an expression
    /// body (of a member or lambda) first, or in no statement at all.
    /// </summary>
    internal static StatementSyntax? EnclosingStatement(SyntaxNode node)
    {
        for (SyntaxNode? current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case StatementSyntax statement:
                    return statement;
                case ArrowExpressionClauseSyntax:
                case AnonymousFunctionExpressionSyntax:
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The expression body whose expression holds <paramref name="node"/> with no statement between.</summary>
    internal static SyntaxNode? ExpressionBodyOwner(SyntaxNode node)
    {
        for (SyntaxNode? current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case StatementSyntax:
                    return null;
                case ArrowExpressionClauseSyntax arrow:
                    return arrow.Parent;
                case AnonymousFunctionExpressionSyntax function when function.ExpressionBody is not null && function.ExpressionBody.Span.Contains(node.Span):
                    return function;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Turns the expression body holding <paramref name="node"/> into a block; null when that is not possible.</summary>
    internal static SyntaxNode? BlockBody(SyntaxNode root, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode? owner = ExpressionBodyOwner(node);
        if (owner is null)
        {
            return null;
        }

        if (owner is BasePropertyDeclarationSyntax property)
        {
            return GetterBody(root, property);
        }

        ExpressionSyntax? expression = owner switch
        {
            BaseMethodDeclarationSyntax method => method.ExpressionBody?.Expression,
            LocalFunctionStatementSyntax function => function.ExpressionBody?.Expression,
            AccessorDeclarationSyntax accessor => accessor.ExpressionBody?.Expression,
            AnonymousFunctionExpressionSyntax lambda => lambda.ExpressionBody,
            _ => null,
        };
        if (expression is null || model.GetEnclosingSymbol(expression.SpanStart, cancellationToken) is not IMethodSymbol enclosing)
        {
            return null;
        }

        StatementSyntax statement = ReturnsNothing(enclosing, model)
            ? SyntaxFactory.ExpressionStatement(expression.WithoutTrivia())
            : SyntaxFactory.ReturnStatement(expression.WithoutTrivia());
        BlockSyntax block = SyntaxFactory.Block(statement).WithAdditionalAnnotations(Formatter.Annotation);

        SyntaxNode? replacement = owner switch
        {
            BaseMethodDeclarationSyntax m => m.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            LocalFunctionStatementSyntax f => f.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            AccessorDeclarationSyntax a => a.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            AnonymousFunctionExpressionSyntax l => l.WithExpressionBody(null).WithBlock(block),
            _ => null,
        };
        if (replacement is null)
        {
            return null;
        }

        // The arrow's trailing trivia (end of line) moves to the new closing brace.
        SyntaxToken last = owner.GetLastToken();
        replacement = replacement.WithTrailingTrivia(last.TrailingTrivia).WithAdditionalAnnotations(Formatter.Annotation);
        return root.ReplaceNode(owner, replacement);
    }

    /// <summary><c>T P => expr;</c> becomes <c>T P { get { return expr; } }</c> (indexers likewise).</summary>
    private static SyntaxNode? GetterBody(SyntaxNode root, BasePropertyDeclarationSyntax property)
    {
        ArrowExpressionClauseSyntax? arrow = property switch
        {
            PropertyDeclarationSyntax p => p.ExpressionBody,
            IndexerDeclarationSyntax i => i.ExpressionBody,
            _ => null,
        };
        if (arrow is null)
        {
            return null;
        }

        var getter = SyntaxFactory.AccessorDeclaration(
            SyntaxKind.GetAccessorDeclaration,
            SyntaxFactory.Block(SyntaxFactory.ReturnStatement(arrow.Expression.WithoutTrivia())));
        var accessors = SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(getter));
        SyntaxNode? replacement = property switch
        {
            PropertyDeclarationSyntax p => p.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(accessors),
            IndexerDeclarationSyntax i => i.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(accessors),
            _ => null,
        };
        if (replacement is null)
        {
            return null;
        }

        replacement = replacement.WithTrailingTrivia(property.GetLastToken().TrailingTrivia).WithAdditionalAnnotations(Formatter.Annotation);
        return root.ReplaceNode(property, replacement);
    }

    /// <summary>A <c>void</c> method, or an <c>async</c> one returning a non-generic Task-like.</summary>
    private static bool ReturnsNothing(IMethodSymbol method, SemanticModel model)
    {
        if (method.ReturnsVoid)
        {
            return true;
        }

        if (!method.IsAsync || method.ReturnType is not INamedTypeSymbol type || type.IsGenericType)
        {
            return false;
        }

        return type.Name is "Task" or "ValueTask" && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
    }

    /// <summary>Replaces an embedded statement with a block holding it.</summary>
    internal static SyntaxNode Brace(SyntaxNode root, StatementSyntax statement)
        => root.ReplaceNode(
            statement,
            SyntaxFactory.Block(statement.WithoutTrivia()).WithTriviaFrom(statement).WithAdditionalAnnotations(Formatter.Annotation));

    /// <summary>
    /// Splits <c>return expr;</c> into <c>var result = expr; return result;</c> so a fix can add
    /// statements between the call and the return. Null when the return has no value.
    /// </summary>
    internal static SyntaxNode? SplitReturn(SyntaxNode root, ReturnStatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        if (statement.Expression is null)
        {
            return null;
        }

        string name = UniqueLocalName(statement, "result", model);
        var declaration = SyntaxFactory.LocalDeclarationStatement(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.IdentifierName("var"),
                    SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                            .WithInitializer(SyntaxFactory.EqualsValueClause(statement.Expression.WithoutTrivia())))))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        var newReturn = SyntaxFactory.ReturnStatement(SyntaxFactory.IdentifierName(name))
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);

        StatementList? list = StatementList.Containing(statement);
        if (list is null)
        {
            return root.ReplaceNode(statement, SyntaxFactory.Block(declaration, newReturn).WithAdditionalAnnotations(Formatter.Annotation));
        }

        int index = list.IndexOf(statement);
        return root.ReplaceNode(list.Owner, list.ReplaceRange(index, index, new StatementSyntax[] { declaration, newReturn }));
    }

    /// <summary>A local name free at the statement and in the whole enclosing body (no shadowing errors).</summary>
    internal static string UniqueLocalName(SyntaxNode at, string baseName, SemanticModel model)
    {
        SyntaxNode scope = at.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or CompilationUnitSyntax) ?? at;
        var taken = scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToImmutableHashSet();
        for (int i = 0; ; i++)
        {
            string candidate = i == 0 ? baseName : baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate) && model.LookupSymbols(at.SpanStart, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }
    }
}
