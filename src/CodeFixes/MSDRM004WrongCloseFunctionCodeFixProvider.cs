using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.CodeFixes;

/// <summary>
/// Fixes MSDRM004: calls the close function of the handle's kind instead, declared by the same type as
/// the wrong one (the user's import class, or <c>MsDrm.NativeMethods</c>), with the same arguments.
/// Offered only when that function exists there and the call binds to it with the same result type;
/// the edit itself is made when the action is picked. Each fix renames one call, so Fix All batches them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MSDRM004WrongCloseFunctionCodeFixProvider)), Shared]
public sealed class MSDRM004WrongCloseFunctionCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "MSDRM004.CallMatchingClose";

    /// <summary>Creates the provider (parameterless: dotnet format and the IDE create it by reflection).</summary>
    public MSDRM004WrongCloseFunctionCodeFixProvider()
    {
    }

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WrongCloseFunction);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Document document = context.Document;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!WrongCloseProperties.TryRead(diagnostic.Properties, out HandleKind kind)
                || await MatchingCloseAsync(document, diagnostic, kind, context.CancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Call '{kind.CloseFunction()}'",
                    async cancellationToken => await RenameAsync(document, diagnostic, kind, cancellationToken).ConfigureAwait(false) ?? document,
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The call with its method name replaced; null when the fix does not apply (any more).</summary>
    private static async Task<Document?> RenameAsync(Document document, Diagnostic diagnostic, HandleKind kind, CancellationToken cancellationToken)
    {
        if (await MatchingCloseAsync(document, diagnostic, kind, cancellationToken).ConfigureAwait(false) is not { } target)
        {
            return null;
        }

        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        return document.WithSyntaxRoot(root.ReplaceNode(target.Name, target.Replacement));
    }

    /// <summary>
    /// The name to replace and its replacement, when the wrong call's type declares the matching close
    /// function and the call, renamed, binds to it with the same result type.
    /// </summary>
    private static async Task<(SimpleNameSyntax Name, SimpleNameSyntax Replacement)?> MatchingCloseAsync(Document document, Diagnostic diagnostic, HandleKind kind, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || DrmFixer.Locate(root, diagnostic.Location.SourceSpan) is not { } invocation)
        {
            return null;
        }

        SimpleNameSyntax? name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name as IdentifierNameSyntax,
            IdentifierNameSyntax identifier => identifier,
            _ => null,
        };
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (name is null || model is null || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol wrong)
        {
            return null;
        }

        DrmCallRecognizer recognizer = DrmCallRecognizer.For(model.Compilation);
        foreach (ISymbol member in wrong.ContainingType.GetMembers())
        {
            if (member is IMethodSymbol candidate
                && recognizer.GetFunction(candidate)?.Closed?.Kind == kind
                && candidate.IsStatic == wrong.IsStatic
                && SymbolEqualityComparer.Default.Equals(candidate.ReturnType, wrong.ReturnType)
                && model.IsAccessible(invocation.SpanStart, candidate))
            {
                SimpleNameSyntax replacement = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.IdentifierName(candidate.Name).WithTriviaFrom(name);
                InvocationExpressionSyntax renamed = invocation.ReplaceNode(name, replacement);
                SymbolInfo bound = model.GetSpeculativeSymbolInfo(invocation.SpanStart, renamed, SpeculativeBindingOption.BindAsExpression);
                if (SymbolEqualityComparer.Default.Equals(bound.Symbol, candidate))
                {
                    return (name, replacement);
                }
            }
        }

        return null;
    }
}
