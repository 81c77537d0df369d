using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>
/// Plans the statements a new <c>using</c> or <c>try</c> block spans: from a start index to the
/// last use of a symbol, widened so every declaration inside that later code needs stays in scope,
/// either by moving the declaration out (hoisting) or by growing the range.
/// </summary>
internal sealed class RangePlanner
{
    private readonly SemanticModel model;
    private readonly CancellationToken cancellationToken;

    internal RangePlanner(SemanticModel model, CancellationToken cancellationToken)
    {
        this.model = model;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The index of the last statement at or after <paramref name="start"/> that references the symbol; start - 1 when none.</summary>
    internal int LastUse(StatementList list, int start, ISymbol symbol) => LastUse(list, start, new[] { symbol });

    /// <summary>The index of the last statement at or after <paramref name="start"/> referencing any of the symbols; start - 1 when none.</summary>
    internal int LastUse(StatementList list, int start, IReadOnlyList<ISymbol> symbols)
    {
        for (int i = list.Statements.Count - 1; i >= start; i--)
        {
            if (symbols.Any(symbol => SymbolReferences.IsReferencedIn(list.Statements[i], symbol, model, cancellationToken)))
            {
                return i;
            }
        }

        return start - 1;
    }

    /// <summary>
    /// Widens [start, end] until no variable declared inside is used after it, except the ones a
    /// hoisted declaration keeps in scope. Returns the final end and the declarations to hoist.
    /// </summary>
    internal (int End, HashSet<LocalDeclarationStatementSyntax> Hoisted) Settle(StatementList list, int start, int end)
    {
        var hoisted = new HashSet<LocalDeclarationStatementSyntax>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            hoisted.Clear();
            for (int i = start; i <= end && !changed; i++)
            {
                StatementSyntax statement = list.Statements[i];
                foreach ((ISymbol declared, bool hoistable) in DeclaredIn(statement))
                {
                    int lastUse = LastUse(list, end + 1, declared);
                    if (lastUse <= end)
                    {
                        continue;
                    }

                    if (hoistable)
                    {
                        hoisted.Add((LocalDeclarationStatementSyntax)statement);
                    }
                    else
                    {
                        end = lastUse;
                        changed = true;
                        break;
                    }
                }
            }
        }

        return (end, hoisted);
    }

    /// <summary>
    /// The statements of the range as a block body: hoisted declarations become assignments and
    /// <paramref name="transform"/> rewrites the others (null drops a statement).
    /// </summary>
    internal List<StatementSyntax> Body(StatementList list, int start, int end, HashSet<LocalDeclarationStatementSyntax> hoisted, System.Func<StatementSyntax, StatementSyntax?>? transform = null)
    {
        var body = new List<StatementSyntax>();
        for (int i = start; i <= end; i++)
        {
            StatementSyntax statement = list.Statements[i];
            if (statement is LocalDeclarationStatementSyntax declaration && hoisted.Contains(declaration))
            {
                body.AddRange(AsAssignments(declaration));
                continue;
            }

            // The transform sees the original node, so it can match nodes inside it by identity.
            StatementSyntax? transformed = transform is null ? statement : transform(statement);
            if (transformed is not null)
            {
                body.Add(transformed);
            }
        }

        // Blank lines above the first statement stay above the new block, not inside it.
        if (body.Count > 0)
        {
            body[0] = body[0].WithLeadingTrivia(WithoutBlankPrefix(body[0].GetLeadingTrivia()));
        }

        return body;
    }

    /// <summary>The leading blank lines of a trivia list (up to the line of the first comment or code).</summary>
    internal static SyntaxTriviaList BlankPrefix(SyntaxTriviaList leading)
    {
        int end = 0;
        for (int i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                end = i + 1;
            }
            else if (!leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                break;
            }
        }

        return SyntaxFactory.TriviaList(leading.Take(end));
    }

    /// <summary>
    /// Gives the statement that replaces [first, last] the end of line the last replaced statement
    /// had: the file's last statement keeps its final newline.
    /// </summary>
    internal static StatementSyntax EndLikeLast(StatementSyntax replacement, StatementSyntax last)
    {
        SyntaxTrivia endOfLine = last.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? replacement.WithTrailingTrivia(endOfLine) : replacement;
    }

    private static SyntaxTriviaList WithoutBlankPrefix(SyntaxTriviaList leading)
        => SyntaxFactory.TriviaList(leading.Skip(BlankPrefix(leading).Count));

    /// <summary>The declarations to put before the new block, without their initializers (constants keep theirs).</summary>
    internal IEnumerable<StatementSyntax> HoistedDeclarations(StatementList list, int start, int end, HashSet<LocalDeclarationStatementSyntax> hoisted)
    {
        for (int i = start; i <= end; i++)
        {
            if (list.Statements[i] is not LocalDeclarationStatementSyntax declaration || !hoisted.Contains(declaration))
            {
                continue;
            }

            if (declaration.IsConst)
            {
                yield return declaration.WithAdditionalAnnotations(Formatter.Annotation);
                continue;
            }

            TypeSyntax type = declaration.Declaration.Type;
            if (type.IsVar && model.GetTypeInfo(type, cancellationToken).Type is { } varType)
            {
                type = SyntaxFactory.ParseTypeName(varType.ToMinimalDisplayString(model, declaration.SpanStart))
                    .WithTriviaFrom(type);
            }

            var declarators = declaration.Declaration.Variables.Select(v => v.WithInitializer(null));
            // Comments stay with the statement (now an assignment) in the block.
            yield return SyntaxFactory.LocalDeclarationStatement(
                    SyntaxFactory.VariableDeclaration(type.WithoutTrivia(), SyntaxFactory.SeparatedList(declarators)))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }
    }

    private static IEnumerable<StatementSyntax> AsAssignments(LocalDeclarationStatementSyntax declaration)
    {
        if (declaration.IsConst)
        {
            yield break;
        }

        bool first = true;
        foreach (VariableDeclaratorSyntax variable in declaration.Declaration.Variables)
        {
            if (variable.Initializer is null)
            {
                continue;
            }

            var assignment = SyntaxFactory.ExpressionStatement(
                SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.IdentifierName(variable.Identifier.WithoutTrivia()),
                    variable.Initializer.Value.WithoutTrivia()));
            yield return (first ? assignment.WithLeadingTrivia(declaration.GetLeadingTrivia()) : assignment)
                .WithAdditionalAnnotations(Formatter.Annotation);
            first = false;
        }
    }

    /// <summary>
    /// The variables and local functions a statement brings into the enclosing scope, each with
    /// whether a hoisted declaration can keep it in scope.
    /// </summary>
    private IEnumerable<(ISymbol Symbol, bool Hoistable)> DeclaredIn(StatementSyntax statement)
    {
        if (statement is LocalFunctionStatementSyntax localFunction)
        {
            if (model.GetDeclaredSymbol(localFunction, cancellationToken) is { } function)
            {
                yield return (function, false);
            }

            yield break;
        }

        bool hoistable = statement is LocalDeclarationStatementSyntax declaration && CanHoist(declaration);
        var declarators = statement is LocalDeclarationStatementSyntax local ? local.Declaration.Variables : default;
        foreach (VariableDeclaratorSyntax variable in declarators)
        {
            if (model.GetDeclaredSymbol(variable, cancellationToken) is { } symbol)
            {
                yield return (symbol, hoistable);
            }
        }

        // out vars and pattern variables: they live in the enclosing scope but cannot be hoisted.
        var designations = statement.DescendantNodes(n => n == statement || n is not (BlockSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<SingleVariableDesignationSyntax>();
        foreach (SingleVariableDesignationSyntax designation in designations)
        {
            if (model.GetDeclaredSymbol(designation, cancellationToken) is { } symbol)
            {
                yield return (symbol, false);
            }
        }
    }

    private bool CanHoist(LocalDeclarationStatementSyntax declaration)
    {
        if (!declaration.UsingKeyword.IsKind(SyntaxKind.None) || declaration.Declaration.Type is RefTypeSyntax || declaration.Modifiers.Any(SyntaxKind.ScopedKeyword))
        {
            return false;
        }

        if (declaration.Declaration.Variables.Any(v => v.Initializer?.Value is InitializerExpressionSyntax))
        {
            return false;
        }

        if (declaration.Declaration.Type.IsVar)
        {
            ITypeSymbol? type = model.GetTypeInfo(declaration.Declaration.Type, cancellationToken).Type;
            return type is not null && type.TypeKind != TypeKind.Error && !type.IsAnonymousType && type.SpecialType != SpecialType.System_Void
                && !type.ToDisplayString().Contains("<anonymous");
        }

        return true;
    }
}
