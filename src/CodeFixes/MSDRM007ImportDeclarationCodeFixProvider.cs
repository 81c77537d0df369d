using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MsDrm.Analyzers;
using MsDrm.CodeFixes.Imports;

namespace MsDrm.CodeFixes;

/// <summary>
/// Fixes MSDRM007, one action per mismatch kind the diagnostic lists (and, when it lists several, one
/// action for all of them first): UTF-16 strings, an <c>int</c>
/// result, <c>uint</c> handles, <c>out</c> created handles. The string fix computes its edit only when
/// picked; the three signature fixes are tried up front, because they are offered only when every
/// caller in the document still compiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MSDRM007ImportDeclarationCodeFixProvider)), Shared]
public sealed class MSDRM007ImportDeclarationCodeFixProvider : CodeFixProvider
{
    /// <summary>Creates the provider (parameterless: dotnet format and the IDE create it by reflection).</summary>
    public MSDRM007ImportDeclarationCodeFixProvider()
    {
    }

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ImportDeclaration);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => ImportFixAllProvider.Instance;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            string[] kinds = diagnostic.Properties.TryGetValue(DiagnosticProperties.Mismatches, out string? listed) && listed is not null
                ? listed.Split(',')
                : [];
            Document document = context.Document;
            var span = diagnostic.Location.SourceSpan;

            // The fixes rewrite a method declaration; an extern local function is reported but not fixed.
            if (await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) is not { } root
                || ImportFixRunner.Locate(root, span) is null)
            {
                continue;
            }

            var actions = new List<CodeAction>();
            foreach (ImportFixer fixer in ImportFixRunner.Fixers.Where(f => kinds.Contains(f.Kind.ToString(), StringComparer.Ordinal)))
            {
                if (!fixer.ChangesCallers)
                {
                    actions.Add(CodeAction.Create(
                        "Marshal strings as UTF-16",
                        async cancellationToken => (await ImportFixRunner.ApplyAsync(document, fixer, root => ImportFixRunner.Locate(root, span), cancellationToken).ConfigureAwait(false))?.Document ?? document,
                        fixer.EquivalenceKey));
                    continue;
                }

                var result = await ImportFixRunner.ApplyAsync(document, fixer, root => ImportFixRunner.Locate(root, span), context.CancellationToken).ConfigureAwait(false);
                if (result is { } applied)
                {
                    actions.Add(CodeAction.Create(applied.Title, _ => Task.FromResult(applied.Document), fixer.EquivalenceKey));
                }
            }

            if (actions.Count > 1)
            {
                // Several fixes apply: one action makes them all, offered first so Fix All picks it too.
                // Each signature change inside it is re-checked against the callers, as on its own.
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Fix every mismatch of this declaration",
                        async cancellationToken => await ImportFixAllProvider.FixDocumentAsync(ImportFixKinds.EveryMismatch, document, ImmutableArray.Create(diagnostic), cancellationToken).ConfigureAwait(false) ?? document,
                        ImportFixKinds.EveryMismatch),
                    diagnostic);
            }

            foreach (CodeAction action in actions)
            {
                context.RegisterCodeFix(action, diagnostic);
            }
        }
    }
}
