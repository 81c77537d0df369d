using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.Imports;

namespace MsDrm.CodeFixes.Imports;

/// <summary>Declares each 64-bit handle parameter as <c>uint</c> (<c>long*</c> becomes <c>uint*</c>; <c>ref</c>/<c>out</c> stay).</summary>
internal sealed class UInt32HandleFixer : ImportFixer
{
    internal override ImportMismatchKind Kind => ImportMismatchKind.WideHandle;

    internal override string EquivalenceKey => ImportFixKinds.UInt32Handle;

    internal override bool ChangesCallers => true;

    internal override string Title(ImportDeclaration import) => "Declare 64-bit handles as uint";

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
                ParameterSyntax parameter = parameters[ordinal];
                if (parameter.Type is null)
                {
                    continue;
                }

                parameters = parameters.Replace(parameter, parameter.WithType(ToUInt32(parameter.Type)));
            }

            return original.WithParameterList(original.ParameterList.WithParameters(parameters));
        });
    }

    private static TypeSyntax ToUInt32(TypeSyntax type)
        => type is PointerTypeSyntax pointer
            ? pointer.WithElementType(ToUInt32(pointer.ElementType))
            : SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.UIntKeyword)).WithTriviaFrom(type);
}
