using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MsDrm.Analyzers;
using MsDrm.Analyzers.Rules;

namespace MsDrm.CodeFixes;

/// <summary>
/// Fixes MSDRM003 by removing the second close. Offered only where the analyzer found the handle closed
/// on every path reaching the call (property <c>SecondClose</c>), and only for a close that is a statement
/// of its own in a block or switch section: its result is unused and removing it leaves every path with
/// the first close. Never offered for a use after close (no safe rewrite exists) or a close in a loop
/// that is its own first close.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MSDRM003UsedAfterCloseCodeFixProvider)), Shared]
public sealed class MSDRM003UsedAfterCloseCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "MSDRM003.RemoveSecondClose";

    /// <summary>Creates the provider (parameterless: dotnet format and the IDE create it by reflection).</summary>
    public MSDRM003UsedAfterCloseCodeFixProvider()
    {
    }

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UsedAfterClose);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await RemoveAsync(document, diagnostics.Where(IsSecondClose).Select(d => d.Location.SourceSpan), context.CancellationToken).ConfigureAwait(false),
        ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = null;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!IsSecondClose(diagnostic))
            {
                continue;
            }

            root ??= await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is not null && RemovableStatement(root, diagnostic.Location.SourceSpan) is not null)
            {
                Document document = context.Document;
                TextSpan span = diagnostic.Location.SourceSpan;
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the second close", cancellationToken => RemoveAsync(document, new[] { span }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>True when the analyzer found a close function called again on a handle closed on every path before it.</summary>
    private static bool IsSecondClose(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(MSDRM003UsedAfterCloseAnalyzer.SecondCloseProperty, out string? second) && second == "true";

    /// <summary>Removes the close statements at <paramref name="spans"/> that can be removed; the document unchanged when none can.</summary>
    private static async Task<Document> RemoveAsync(Document document, IEnumerable<TextSpan> spans, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var statements = spans.Select(span => RemovableStatement(root, span)).OfType<ExpressionStatementSyntax>().Distinct().ToList();
        SyntaxNode? changed = statements.Count == 0 ? root : root.RemoveNodes(statements, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        return changed is null ? document : document.WithSyntaxRoot(changed);
    }

    /// <summary>
    /// The statement <c>DRMCloseX(h);</c> the diagnostic is on, when it sits directly in a block or switch
    /// section outside any finally clause (a finally also runs on exceptions, which the analysis does not follow).
    /// </summary>
    private static ExpressionStatementSyntax? RemovableStatement(SyntaxNode root, TextSpan span)
        => DrmFixer.Locate(root, span) is { Parent: ExpressionStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement } invocation
            && invocation.Span == span
            && !statement.Ancestors().OfType<FinallyClauseSyntax>().Any()
            ? statement
            : null;
}
