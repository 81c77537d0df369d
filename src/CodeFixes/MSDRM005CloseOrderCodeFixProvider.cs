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
using MsDrm.Analyzers;
using MsDrm.Analyzers.Rules;
using MsDrm.CodeFixes.Syntax;

namespace MsDrm.CodeFixes;

/// <summary>
/// Fixes MSDRM005 by moving the parent's close to just after the last close of its children. Offered only
/// when the parent's close and every child's later close (property <c>ChildCloses</c>) are statements of
/// their own in one block, and the statements in between neither jump (return, break, goto, throw, a
/// label) nor mention the closed variable: then every path through the old place goes on to the new one,
/// the same value is closed, and nothing used it in between. Not offered otherwise (different blocks or
/// branches, a used result, the implicit disposal of a <c>using</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MSDRM005CloseOrderCodeFixProvider)), Shared]
public sealed class MSDRM005CloseOrderCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "MSDRM005.MoveParentClose";

    /// <summary>Creates the provider (parameterless: dotnet format and the IDE create it by reflection).</summary>
    public MSDRM005CloseOrderCodeFixProvider()
    {
    }

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CloseOrder);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await MoveAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false),
        ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic, context.CancellationToken) is not null)
            {
                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create("Move the parent's close after the child's", cancellationToken => MoveAsync(document, ImmutableArray.Create(diagnostic), cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Moves every parent close that can be moved (planned on the document as it is, applied one after another).</summary>
    private static async Task<Document> MoveAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var moves = new List<(SyntaxAnnotation Parent, SyntaxAnnotation After)>();
        var marks = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
        foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (Plan(root, model, diagnostic, cancellationToken) is { } plan)
            {
                var move = (new SyntaxAnnotation(), new SyntaxAnnotation());
                moves.Add(move);
                Mark(marks, plan.Parent, move.Item1);
                Mark(marks, plan.After, move.Item2);
            }
        }

        root = root.ReplaceNodes(marks.Keys, (original, _) => original.WithAdditionalAnnotations(marks[original]));
        foreach ((SyntaxAnnotation parentMark, SyntaxAnnotation afterMark) in moves)
        {
            if (root.GetAnnotatedNodes(parentMark).FirstOrDefault() is StatementSyntax parent
                && root.GetAnnotatedNodes(afterMark).FirstOrDefault() is StatementSyntax after
                && StatementList.Containing(parent) is { } list
                && list.IndexOf(parent) is int from and >= 0
                && list.IndexOf(after) is int to && to > from)
            {
                IEnumerable<StatementSyntax> moved = list.Statements.Skip(from + 1).Take(to - from).Append(parent);
                root = root.ReplaceNode(list.Owner, list.ReplaceRange(from, to, moved));
            }
        }

        return document.WithSyntaxRoot(root);
    }

    private static void Mark(Dictionary<SyntaxNode, List<SyntaxAnnotation>> marks, SyntaxNode node, SyntaxAnnotation mark)
    {
        if (!marks.TryGetValue(node, out List<SyntaxAnnotation>? list))
        {
            marks.Add(node, list = new List<SyntaxAnnotation>());
        }

        list.Add(mark);
    }

    /// <summary>The parent's close statement and the last child close it moves after; null when the move is not safe.</summary>
    private static (ExpressionStatementSyntax Parent, StatementSyntax After)? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (DrmFixer.Locate(root, diagnostic.Location.SourceSpan) is not { Parent: ExpressionStatementSyntax parent } invocation
            || invocation.Span != diagnostic.Location.SourceSpan
            || StatementList.Containing(parent) is not { } list
            || !diagnostic.Properties.TryGetValue(MSDRM005CloseOrderAnalyzer.ChildClosesProperty, out string? listed) || string.IsNullOrEmpty(listed))
        {
            return null;
        }

        int from = list.IndexOf(parent);
        int last = -1;
        foreach (string position in listed!.Split(','))
        {
            int index = int.TryParse(position, out int start) ? IndexOfClose(root, list, start) : -1;
            if (index <= from)
            {
                // A child close in another block, a branch, or before the parent's close: no straight-line move.
                return null;
            }

            last = System.Math.Max(last, index);
        }

        var closed = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (IdentifierNameSyntax name in parent.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol)
            {
                closed.Add(model.GetSymbolInfo(name, cancellationToken).Symbol!);
            }
        }

        for (int i = from + 1; i <= last; i++)
        {
            if (!IsPlainStep(list.Statements[i], model, closed, cancellationToken))
            {
                return null;
            }
        }

        return (parent, list.Statements[last]);
    }

    /// <summary>The index in <paramref name="list"/> of the close statement whose call starts at <paramref name="start"/>; -1 when it is not one of its statements.</summary>
    private static int IndexOfClose(SyntaxNode root, StatementList list, int start)
    {
        if (start < 0 || start >= root.FullSpan.End)
        {
            return -1;
        }

        InvocationExpressionSyntax? call = root.FindToken(start).Parent?.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.SpanStart == start);
        return call?.Parent is ExpressionStatementSyntax statement ? list.IndexOf(statement) : -1;
    }

    /// <summary>A statement that always runs on to the next one and does not touch the closed variable.</summary>
    private static bool IsPlainStep(StatementSyntax statement, SemanticModel model, HashSet<ISymbol> closed, CancellationToken cancellationToken)
    {
        foreach (SyntaxNode node in statement.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case ReturnStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax
                    or ThrowStatementSyntax or ThrowExpressionSyntax or YieldStatementSyntax or LabeledStatementSyntax:
                    return false;
                case IdentifierNameSyntax name when model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol && closed.Contains(symbol):
                    return false;
            }
        }

        return true;
    }
}
