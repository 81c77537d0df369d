using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MsDrm.CodeFixes;

/// <summary>
/// Shared plumbing of the providers: each offers the fixes of its fixers that apply to a diagnostic
/// (computed up front, so no fix is offered that would do nothing) and a sequential Fix All.
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
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            foreach (DrmFixer fixer in Fixers)
            {
                Document? fixedDocument = await fixer.ApplyAsync(context.Document, diagnostic.Location.SourceSpan, diagnostic.Properties, context.CancellationToken).ConfigureAwait(false);
                if (fixedDocument is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(fixer.Title(diagnostic.Properties), _ => Task.FromResult(fixedDocument), fixer.EquivalenceKey),
                        diagnostic);
                }
            }
        }
    }
}
