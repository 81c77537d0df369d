using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.ApiModel;
using MsDrm.CodeFixes.Syntax;

namespace MsDrm.CodeFixes;

/// <summary>MSDRM001 on a raw handle: <c>using (SafeDrm*Handle.Adopt(h)) { ... }</c> (needs the runtime).</summary>
internal sealed class AdoptInUsingFixer : RawHandleFixer
{
    internal override string EquivalenceKey => FixKinds.AdoptInUsing;

    // The wrapper keeps the value it adopted, so a later re-creation of h inside the block is fine.
    protected override bool AllowsRewriteInRange => true;

    internal override string Title(LeakFacts facts)
        => $"Dispose '{facts.Variable}' through {(facts.Kind is { } kind ? kind.SafeHandleTypeName() : "its SafeDrm handle")}.Adopt in a using block";

    protected override bool IsAvailable(FixInput input, HandleKind kind, int position)
        => input.Recognizer.GetWrapperType(kind) is { } wrapper && input.Model.IsAccessible(position, wrapper);

    protected override StatementSyntax? Enclose(FixInput input, HandleKind kind, ISymbol handle, int position, List<StatementSyntax> body)
    {
        INamedTypeSymbol? wrapper = input.Recognizer.GetWrapperType(kind);
        if (wrapper is null)
        {
            return null;
        }

        var adopt = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                DocumentFinisher.QualifiedType(HandleKindInfo.RuntimeNamespace + "." + kind.SafeHandleTypeName(), input.Model, position),
                SyntaxFactory.IdentifierName("Adopt")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                Argument(input, handle, input.Model.Compilation.GetSpecialType(SpecialType.System_UInt32))))));
        return SyntaxFactory.UsingStatement(null, adopt, SyntaxFactory.Block(body));
    }
}
