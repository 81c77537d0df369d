using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Imports;
using MsDrm.CodeFixes.Syntax;

namespace MsDrm.CodeFixes.Imports;

/// <summary>
/// Applies one MSDRM007 fix kind to one declaration: re-checks the import on the current tree (so
/// Fix All sees each earlier edit), rewrites it, and refuses a signature change that adds a compile
/// error to the document (a caller that used the old return or parameter type).
/// </summary>
internal static class ImportFixRunner
{
    internal static IReadOnlyList<ImportFixer> Fixers { get; } =
        [new Utf16StringsFixer(), new HresultReturnFixer(), new UInt32HandleFixer(), new OutCreatedHandleFixer()];

    /// <summary>The declaration whose name the diagnostic span covers.</summary>
    internal static MethodDeclarationSyntax? Locate(SyntaxNode root, TextSpan span)
        => root.FullSpan.Contains(span)
            && root.FindToken(span.Start).Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method
            && method.Identifier.Span == span
            ? method
            : null;

    /// <summary>The fixed document and the fix's title, or null when the fix does not apply or would break the code.</summary>
    internal static async Task<(Document Document, string Title)?> ApplyAsync(
        Document document, ImportFixer fixer, Func<SyntaxNode, MethodDeclarationSyntax?> locate, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        MethodDeclarationSyntax? declaration = root is null ? null : locate(root);
        if (root is null || model is null || declaration is null
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol method)
        {
            return null;
        }

        var checker = ImportDeclarationChecker.Create(model.Compilation, DrmCallRecognizer.For(model.Compilation));
        if (checker.Check(method, cancellationToken) is not { } import || !import.Mismatches.Any(m => m.Kind == fixer.Kind))
        {
            return null;
        }

        SyntaxNode? newRoot;
        try
        {
            newRoot = fixer.Rewrite(new ImportFixInput(root, model, declaration, ImplementationIn(root, method, cancellationToken), import));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Code the fixer does not understand: offer nothing rather than fail.
            return null;
        }

        if (newRoot is null)
        {
            return null;
        }

        Document changed = await DocumentFinisher.FinishAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
        if (fixer.ChangesCallers && !await AddsNoErrorAsync(document, changed, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return (changed, fixer.Title(import));
    }

    /// <summary>A <c>[LibraryImport]</c> partial's implementation part, when it is written in this file.</summary>
    private static MethodDeclarationSyntax? ImplementationIn(SyntaxNode root, IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in method.PartialImplementationPart?.DeclaringSyntaxReferences ?? ImmutableArray<SyntaxReference>.Empty)
        {
            if (reference.SyntaxTree == root.SyntaxTree && reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax implementation)
            {
                return implementation;
            }
        }

        return null;
    }

    /// <summary>True when the document has no compile error, per error id, that it did not have before.</summary>
    private static async Task<bool> AddsNoErrorAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        Dictionary<string, int> old = await ErrorCountsAsync(before, cancellationToken).ConfigureAwait(false);
        Dictionary<string, int> now = await ErrorCountsAsync(after, cancellationToken).ConfigureAwait(false);
        return now.All(error => old.TryGetValue(error.Key, out int count) && error.Value <= count);
    }

    private static async Task<Dictionary<string, int>> ErrorCountsAsync(Document document, CancellationToken cancellationToken)
    {
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return (model?.GetDiagnostics(cancellationToken: cancellationToken) ?? ImmutableArray<Diagnostic>.Empty)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .GroupBy(d => d.Id)
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
