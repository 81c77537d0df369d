using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MsDrm.CodeFixes;

/// <summary>
/// Shared plumbing of the providers: each offers the fixes of its fixers whose first step applies
/// to a diagnostic (a cheap check on the current document), computes the edit only when the action
/// is picked, and offers a sequential Fix All.
/// </summary>
public abstract class DrmCodeFixProvider : CodeFixProvider
{
    private readonly FixAllProvider fixAll;

    private protected DrmCodeFixProvider(string diagnosticId, params DrmFixer[] fixers)
    {
        Fixers = fixers;
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        fixAll = SequentialFixAllProvider.Create(fixers);
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    private protected IReadOnlyList<DrmFixer> Fixers { get; }

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => fixAll;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Document document = context.Document;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            LeakFacts facts = LeakFacts.From(diagnostic.Properties);
            foreach (DrmFixer fixer in Fixers)
            {
                if (!await fixer.IsOfferedAsync(document, diagnostic.Location.SourceSpan, facts, context.CancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        fixer.Title(facts),
                        async cancellationToken => await fixer.ApplyAsync(document, diagnostic.Location.SourceSpan, facts, cancellationToken).ConfigureAwait(false) ?? document,
                        fixer.EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
