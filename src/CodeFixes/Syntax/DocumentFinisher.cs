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
    /// <summary>A type name written <c>global::Ns.Type</c>, for the finisher to import and simplify.</summary>
    internal static TypeSyntax QualifiedType(string fullName)
        => SyntaxFactory.ParseTypeName("global::" + fullName)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    internal static async Task<Document> FinishAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return document;
    }
}
