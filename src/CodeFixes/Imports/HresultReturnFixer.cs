using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.Imports;

namespace MsDrm.CodeFixes.Imports;

/// <summary>
/// Returns the HRESULT: the return type becomes <c>int</c> (<c>void</c> under <c>PreserveSig = false</c>,
/// where the runtime throws instead), and a <c>[return: MarshalAs]</c> goes, since <c>MarshalAs(Bool)</c>
/// on an <c>int</c> would still fold every failure into 1.
/// </summary>
internal sealed class HresultReturnFixer : ImportFixer
{
    internal override ImportMismatchKind Kind => ImportMismatchKind.ReturnType;

    internal override string EquivalenceKey => ImportFixKinds.HresultReturn;

    internal override bool ChangesCallers => true;

    internal override string Title(ImportDeclaration import)
        => import.ThrowsOnFailure ? "Declare the return type void (PreserveSig = false)" : "Return the HRESULT as int";

    internal override SyntaxNode? Rewrite(ImportFixInput input)
    {
        SyntaxKind keyword = input.Import.ThrowsOnFailure ? SyntaxKind.VoidKeyword : SyntaxKind.IntKeyword;
        return input.Root.ReplaceNodes(input.SignatureParts(), (original, _) => WithReturnType(original, keyword, input.Model));
    }

    private static MethodDeclarationSyntax WithReturnType(MethodDeclarationSyntax method, SyntaxKind keyword, SemanticModel model)
    {
        var lists = AttributeRemoval.Remove(
            method.AttributeLists,
            (list, attribute) => list.Target?.Identifier.IsKind(SyntaxKind.ReturnKeyword) == true && IsMarshalAs(attribute, model),
            out SyntaxTriviaList carried);
        TypeSyntax oldType = method.ReturnType;
        MethodDeclarationSyntax result = method.WithAttributeLists(lists);
        if (result.Modifiers.Count > 0)
        {
            result = result.WithModifiers(result.Modifiers.Replace(result.Modifiers[0], AttributeRemoval.Prepend(result.Modifiers[0], carried)));
            carried = default;
        }

        TypeSyntax newType = SyntaxFactory.PredefinedType(SyntaxFactory.Token(keyword))
            .WithLeadingTrivia(carried.AddRange(oldType.GetLeadingTrivia()))
            .WithTrailingTrivia(oldType.GetTrailingTrivia());
        return result.WithReturnType(newType);
    }

    private static bool IsMarshalAs(AttributeSyntax attribute, SemanticModel model)
        => attribute.SyntaxTree == model.SyntaxTree
            && model.GetSymbolInfo(attribute).Symbol?.ContainingType?.ToDisplayString() == "System.Runtime.InteropServices.MarshalAsAttribute";
}
