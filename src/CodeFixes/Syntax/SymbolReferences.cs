using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>Finds the references to a local (or parameter) by symbol, and tells reads from writes.</summary>
internal static class SymbolReferences
{
    /// <summary>Every identifier under <paramref name="scope"/> that binds to <paramref name="symbol"/>.</summary>
    internal static IEnumerable<IdentifierNameSyntax> In(SyntaxNode scope, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (IdentifierNameSyntax name in scope.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText == symbol.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, symbol))
            {
                yield return name;
            }
        }
    }

    internal static bool IsReferencedIn(SyntaxNode scope, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
        => In(scope, symbol, model, cancellationToken).Any();

    /// <summary>True when the identifier is assigned: assignment target, out/ref argument, ++ or --.</summary>
    internal static bool IsWrite(IdentifierNameSyntax name)
    {
        SyntaxNode node = name;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword),
            // &h: a pointer argument is written through (CsWin32's externs create handles so).
            PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression),
            PostfixUnaryExpressionSyntax => true,
            _ => false,
        };
    }

    /// <summary>
    /// True when the value leaves the method through this reference: returned, yielded, stored by
    /// an assignment, or captured by a lambda or local function. Disposing it then would be wrong.
    /// </summary>
    internal static bool IsEscape(IdentifierNameSyntax name, SyntaxNode methodBody)
    {
        SyntaxNode node = ValueOf(name);
        if (node.Parent is ReturnStatementSyntax or YieldStatementSyntax or ArrowExpressionClauseSyntax)
        {
            return true;
        }

        // Copies into locals are aliases (see SymbolScope.Aliases), not escapes.
        if (node.Parent is AssignmentExpressionSyntax assignment && assignment.Right == node)
        {
            return !(assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left is IdentifierNameSyntax && assignment.Parent is ExpressionStatementSyntax);
        }

        if (node.Parent is EqualsValueClauseSyntax)
        {
            return node.Parent.Parent is not VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax };
        }

        // Captured: a lambda or local function between the reference and the method body.
        for (SyntaxNode? current = name.Parent; current is not null && current != methodBody; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The outermost expression that only converts the value of <paramref name="name"/>: casts, parentheses, checked/unchecked.</summary>
    internal static SyntaxNode ValueOf(IdentifierNameSyntax name)
    {
        SyntaxNode node = name;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node;
    }

    /// <summary>The local the value of <paramref name="name"/> is copied into: <c>var b = (int)a;</c> or <c>b = a;</c>.</summary>
    internal static ISymbol? CopyTarget(IdentifierNameSyntax name, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode node = ValueOf(name);
        return node.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } declarator }
                => model.GetDeclaredSymbol(declarator, cancellationToken),
            AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax left, Parent: ExpressionStatementSyntax } assignment
                when assignment.Right == node => model.GetSymbolInfo(left, cancellationToken).Symbol as ILocalSymbol,
            _ => null,
        };
    }

    /// <summary>The local or parameter the argument list of a call writes with a given name (<c>out</c>, <c>ref</c> or <c>&amp;</c>).</summary>
    internal static ISymbol? FindWrittenArgument(InvocationExpressionSyntax invocation, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
        {
            if (argument.RefKindKeyword.IsKind(SyntaxKind.None)
                && argument.Expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.AddressOfExpression, Operand: IdentifierNameSyntax pointed }
                && pointed.Identifier.ValueText == name)
            {
                return model.GetSymbolInfo(pointed, cancellationToken).Symbol;
            }

            if (argument.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                continue;
            }

            switch (argument.Expression)
            {
                case DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax designation }
                    when designation.Identifier.ValueText == name:
                    return model.GetDeclaredSymbol(designation, cancellationToken);
                case IdentifierNameSyntax identifier when identifier.Identifier.ValueText == name:
                    return model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            }
        }

        return null;
    }
}
