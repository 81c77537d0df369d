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

    /// <summary>True when the local leaves its scope somewhere (returned, stored, captured): disposing it would be wrong.</summary>
    internal static bool Escapes(ISymbol symbol, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
        => SymbolReferences.In(scope, symbol, model, cancellationToken).Any(r => SymbolReferences.IsEscape(r, scope));

    /// <summary>True when the local is assigned anywhere after its declaration.</summary>
    internal static bool IsWritten(ISymbol symbol, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
        => SymbolReferences.In(scope, symbol, model, cancellationToken).Any(SymbolReferences.IsWrite);

    /// <summary>
    /// The list and start index to continue from so that no reference to the symbol follows the
    /// list's owner: climbs out of nested blocks while the handle is still used after them.
    /// </summary>
    internal static (StatementList List, int Start)? ClimbWhileUsedAfter(StatementList list, int start, ISymbol symbol, SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        var references = SymbolReferences.In(scope, symbol, model, cancellationToken).ToList();
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
