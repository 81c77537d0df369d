using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>
/// The last step of every fix: add the <c>using</c> directives fully qualified names need (only
/// when no conflicting name exists, else the name stays qualified), simplify them, and format the
/// inserted nodes only, so the rest of the file keeps its trivia.
/// </summary>
internal static class DocumentFinisher
{
    /// <summary>
    /// A type name written <c>global::Ns.Type</c>, for the finisher to import and simplify; when the
    /// simple name already means something else at <paramref name="position"/>, <c>Ns.Type</c> stays.
    /// </summary>
    internal static ExpressionSyntax QualifiedType(string fullName, SemanticModel model, int position)
    {
        string simpleName = fullName.Substring(fullName.LastIndexOf('.') + 1);
        INamedTypeSymbol? target = model.Compilation.GetTypeByMetadataName(fullName);
        var visible = model.LookupNamespacesAndTypes(position, name: simpleName);
        foreach (ISymbol other in visible)
        {
            if (!SymbolEqualityComparer.Default.Equals(other, target))
            {
                return SyntaxFactory.ParseExpression(fullName);
            }
        }

        // Already in scope (global using, a using in an enclosing namespace, or code inside the
        // type's namespace): the simple name, and nothing for the import adder to touch.
        if (target is not null && visible.Length == 1)
        {
            return SyntaxFactory.IdentifierName(simpleName);
        }

        // An expression, not a type name: the shape C# parses for Type.Member, so trees round-trip.
        return SyntaxFactory.ParseExpression("global::" + fullName)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }

    /// <summary>
    /// Gives a new statement the indentation of its sibling and an end of line, so it can be
    /// inserted without running the formatter (which may add blank lines between top-level statements).
    /// </summary>
    internal static StatementSyntax LikeSibling(StatementSyntax statement, StatementSyntax sibling)
    {
        var leading = sibling.GetLeadingTrivia();
        int lastLine = -1;
        for (int i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lastLine = i;
            }
        }

        var indentation = SyntaxFactory.TriviaList(leading.Skip(lastLine + 1).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
        SyntaxTrivia endOfLine = sibling.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return statement.WithLeadingTrivia(indentation)
            .WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.ElasticCarriageReturnLineFeed);
    }

    internal static async Task<Document> FinishAsync(Document document, CancellationToken cancellationToken)
    {
        Document imported = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);

        // The import adder may touch the file's leading trivia even when it adds no directive
        // (blank lines at the top of a file with a file-scoped namespace): keep the tree unchanged then.
        if (await UsingsAsync(imported, cancellationToken).ConfigureAwait(false) != await UsingsAsync(document, cancellationToken).ConfigureAwait(false))
        {
            document = imported;
        }

        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return document;
    }

    /// <summary>The file's using directives, without trivia, one per line.</summary>
    private static async Task<string> UsingsAsync(Document document, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? string.Empty
            : string.Join("\n", root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                .OfType<UsingDirectiveSyntax>().Select(u => u.WithoutTrivia().ToFullString()));
    }
}
