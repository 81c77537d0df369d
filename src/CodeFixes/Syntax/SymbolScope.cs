using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>The body a local lives in, and questions about how it is used there.</summary>
internal static class SymbolScope
{
    /// <summary>The lambda, local function, member or file whose body declares the local.</summary>
    internal static SyntaxNode? Of(ISymbol symbol, CancellationToken cancellationToken)
    {
        SyntaxReference? reference = symbol.DeclaringSyntaxReferences.FirstOrDefault();
        if (reference is null)
        {
            return null;
        }

        SyntaxNode declaration = reference.GetSyntax(cancellationToken);
        return declaration.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax
            || (a is MemberDeclarationSyntax && a is not GlobalStatementSyntax));
    }

    /// <summary>True when the local or a copy of it leaves its scope (returned, stored, captured): disposing it would be wrong.</summary>
    internal static bool Escapes(ISymbol symbol, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
        => Aliases(symbol, scope, model, cancellationToken)
            .Any(alias => SymbolReferences.In(scope, alias, model, cancellationToken).Any(r => SymbolReferences.IsEscape(r, scope)));

    /// <summary>The local and every local its value is copied into (<c>uint copy = h;</c>, <c>int i = (int)h;</c>), transitively.</summary>
    internal static List<ISymbol> Aliases(ISymbol symbol, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        var aliases = new List<ISymbol> { symbol };
        for (int i = 0; i < aliases.Count; i++)
        {
            foreach (IdentifierNameSyntax reference in SymbolReferences.In(scope, aliases[i], model, cancellationToken))
            {
                if (SymbolReferences.CopyTarget(reference, model, cancellationToken) is ILocalSymbol copy
                    && !aliases.Contains(copy, SymbolEqualityComparer.Default))
                {
                    aliases.Add(copy);
                }
            }
        }

        return aliases;
    }

    /// <summary>True when the local is assigned anywhere after its declaration.</summary>
    internal static bool IsWritten(ISymbol symbol, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
        => SymbolReferences.In(scope, symbol, model, cancellationToken).Any(SymbolReferences.IsWrite);

    /// <summary>
    /// The list and start index to continue from so that no reference to the symbol follows the
    /// list's owner: climbs out of nested blocks while the handle is still used after them.
    /// </summary>
    internal static (StatementList List, int Start)? ClimbWhileUsedAfter(StatementList list, int start, IReadOnlyList<ISymbol> aliases, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        var references = aliases.SelectMany(a => SymbolReferences.In(scope, a, model, cancellationToken)).ToList();
        while (references.Any(r => r.SpanStart >= list.Owner.Span.End))
        {
            StatementSyntax? outer = list.Owner.Ancestors().OfType<StatementSyntax>().FirstOrDefault(s => StatementList.Containing(s) is not null);
            if (outer is null || !scope.Span.Contains(outer.Span) || outer is LocalFunctionStatementSyntax)
            {
                return null;
            }

            list = StatementList.Containing(outer)!;
            start = list.IndexOf(outer) + 1;
        }

        return (list, start);
    }

    /// <summary>The language version allows <c>using var</c> declarations.</summary>
    internal static bool SupportsUsingDeclarations(SyntaxTree tree)
        => tree.Options is CSharpParseOptions options && options.LanguageVersion >= LanguageVersion.CSharp8;
}
