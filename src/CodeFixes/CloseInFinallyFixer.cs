using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.CodeFixes;

/// <summary>
/// MSDRM001 on a raw handle: <c>try { ... } finally { Native.DRMClose...(h); }</c>, calling the
/// project's own close import for the kind (offered only when one is accessible). The close result
/// is not checked: MSDRM002 does not report close functions by default.
/// </summary>
internal sealed class CloseInFinallyFixer : RawHandleFixer
{
    internal override string EquivalenceKey => FixKinds.CloseInFinally;

    // A finally block closes whatever h holds at the end, so h must not be re-created in the block.
    protected override bool AllowsRewriteInRange => false;

    internal override string Title(LeakFacts facts)
        => $"Close '{facts.Variable}' with {facts.Kind?.CloseFunction()} in a finally block";

    protected override bool IsAvailable(FixInput input, HandleKind kind, int position) => FindCloseImport(input, kind, position) is not null;

    protected override StatementSyntax? Enclose(FixInput input, HandleKind kind, ISymbol handle, int position, List<StatementSyntax> body)
    {
        IMethodSymbol? close = FindCloseImport(input, kind, position);
        if (close is null)
        {
            return null;
        }

        ExpressionSyntax target = InScopeBySimpleName(input, close, position)
            ? SyntaxFactory.IdentifierName(close.Name)
            : SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.ParseExpression(close.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                SyntaxFactory.IdentifierName(close.Name));
        var call = SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
            target,
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                Argument(input, handle, close.Parameters[0].Type))))));
        return SyntaxFactory.TryStatement(
            SyntaxFactory.Block(body),
            default,
            SyntaxFactory.FinallyClause(SyntaxFactory.Block(call)));
    }

    /// <summary>An accessible static method binding to the kind's close function (cached lookups, no compilation scan).</summary>
    internal static IMethodSymbol? FindCloseImport(FixInput input, HandleKind kind, int position)
        => input.Lookups.FindCloseImport(input.Model, kind, position, input.Model.GetSymbolInfo(input.Invocation, input.CancellationToken).Symbol as IMethodSymbol, input.CancellationToken);

    private static bool InScopeBySimpleName(FixInput input, IMethodSymbol method, int position)
        => input.Model.LookupSymbols(position, name: method.Name).Any(s => SymbolEqualityComparer.Default.Equals(s, method));
}
