using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.Imports;

namespace MsDrm.CodeFixes.Imports;

/// <summary>
/// Passes each created handle <c>out</c>, so msdrm.dll's write reaches the caller; an <c>[In]</c> on
/// the parameter goes (an <c>out</c> parameter cannot have it).
/// </summary>
internal sealed class OutCreatedHandleFixer : ImportFixer
{
    internal override ImportMismatchKind Kind => ImportMismatchKind.CreatedHandleByValue;

    internal override string EquivalenceKey => ImportFixKinds.OutCreatedHandle;

    internal override bool ChangesCallers => true;

    internal override string Title(ImportDeclaration import) => "Pass created handles out";

    internal override SyntaxNode? Rewrite(ImportFixInput input)
    {
        int[] ordinals = input.Import.Mismatches.Where(m => m.Kind == Kind).Select(m => m.ParameterOrdinal).ToArray();
        if (input.SignatureParts().Any(part => ordinals.Any(o => o >= part.ParameterList.Parameters.Count)))
        {
            return null;
        }

        return input.Root.ReplaceNodes(input.SignatureParts(), (original, _) =>
        {
            var parameters = original.ParameterList.Parameters;
            foreach (int ordinal in ordinals)
            {
                parameters = parameters.Replace(parameters[ordinal], WithOut(parameters[ordinal], input.Model));
            }

            return original.WithParameterList(original.ParameterList.WithParameters(parameters));
        });
    }

    private static ParameterSyntax WithOut(ParameterSyntax parameter, SemanticModel model)
    {
        var lists = AttributeRemoval.Remove(parameter.AttributeLists, (_, attribute) => IsIn(attribute, model), out SyntaxTriviaList carried);
        parameter = parameter.WithAttributeLists(lists);
        SyntaxToken outKeyword = SyntaxFactory.Token(SyntaxKind.OutKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (parameter.Modifiers.Count == 0 && parameter.Type is { } type)
        {
            // 'out' takes the type's place in the line: its leading trivia moves to the keyword.
            outKeyword = outKeyword.WithLeadingTrivia(carried.AddRange(type.GetLeadingTrivia()));
            parameter = parameter.WithType(type.WithLeadingTrivia());
        }

        return parameter.WithModifiers(parameter.Modifiers.Add(outKeyword));
    }

    private static bool IsIn(AttributeSyntax attribute, SemanticModel model)
        => attribute.SyntaxTree == model.SyntaxTree
            && model.GetSymbolInfo(attribute).Symbol?.ContainingType?.ToDisplayString() == "System.Runtime.InteropServices.InAttribute";
}
