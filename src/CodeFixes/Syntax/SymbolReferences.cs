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
            PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression),
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
        SyntaxNode node = name;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        if (node.Parent is ReturnStatementSyntax or YieldStatementSyntax or ArrowExpressionClauseSyntax)
        {
            return true;
        }

        if (node.Parent is AssignmentExpressionSyntax assignment && assignment.Right == node)
        {
            return true;
        }

        if (node.Parent is EqualsValueClauseSyntax)
        {
            return true;
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

    /// <summary>The local or parameter the argument list of a call writes with a given name.</summary>
    internal static ISymbol? FindWrittenArgument(InvocationExpressionSyntax invocation, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
        {
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
