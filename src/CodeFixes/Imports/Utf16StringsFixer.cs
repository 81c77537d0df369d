using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.Imports;

namespace MsDrm.CodeFixes.Imports;

/// <summary>
/// Marshals every string parameter as UTF-16: <c>CharSet = CharSet.Unicode</c> on <c>[DllImport]</c>
/// (<c>StringMarshalling = StringMarshalling.Utf16</c> on <c>[LibraryImport]</c>) for parameters that
/// follow the import's default, and <c>LPWStr</c> (<c>U2</c> for <c>char</c>) in place of an explicit
/// narrow <c>[MarshalAs]</c>.
/// </summary>
internal sealed class Utf16StringsFixer : ImportFixer
{
    private const string InteropNamespace = "System.Runtime.InteropServices.";

    internal override ImportMismatchKind Kind => ImportMismatchKind.StringNotUtf16;

    internal override string EquivalenceKey => ImportFixKinds.Utf16Strings;

    internal override bool ChangesCallers => false;

    internal override string Title(ImportDeclaration import)
        => import.IsLibraryImport ? "Marshal strings as UTF-16 (StringMarshalling.Utf16)" : "Marshal strings as UTF-16 (CharSet.Unicode)";

    internal override SyntaxNode? Rewrite(ImportFixInput input)
    {
        var replacements = new Dictionary<AttributeSyntax, AttributeSyntax>();
        foreach (ImportMismatch mismatch in input.Import.Mismatches.Where(m => m.Kind == Kind))
        {
            AttributeSyntax? attribute = SyntaxOf(mismatch.MarshalAs ?? input.Import.ImportAttribute, input.Root);
            if (attribute is null)
            {
                return null;
            }

            if (replacements.ContainsKey(attribute))
            {
                continue;
            }

            AttributeSyntax? fixedAttribute = mismatch.MarshalAs is null
                ? WithUtf16Default(attribute, input.Import.IsLibraryImport, input.Model)
                : WithWideMarshalAs(attribute, input.Import.Method.Parameters[mismatch.ParameterOrdinal].Type, input.Model);
            if (fixedAttribute is null)
            {
                return null;
            }

            replacements.Add(attribute, fixedAttribute);
        }

        return replacements.Count == 0 ? null : input.Root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
    }

    private static AttributeSyntax? SyntaxOf(AttributeData attribute, SyntaxNode root)
        => attribute.ApplicationSyntaxReference is { } reference
            && reference.SyntaxTree == root.SyntaxTree
            && root.FindNode(reference.Span) is { } node
            ? node.FirstAncestorOrSelf<AttributeSyntax>()
            : null;

    private static AttributeSyntax? WithUtf16Default(AttributeSyntax attribute, bool isLibraryImport, SemanticModel model)
    {
        (string name, string enumType, string member) = isLibraryImport
            ? ("StringMarshalling", InteropNamespace + "StringMarshalling", "Utf16")
            : ("CharSet", InteropNamespace + "CharSet", "Unicode");
        if (attribute.ArgumentList is not { } arguments)
        {
            return null;
        }

        AttributeArgumentSyntax? existing = arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        if (existing is not null)
        {
            return attribute.ReplaceNode(existing, existing.WithExpression(EnumValueSyntax.Replace(existing.Expression, enumType, member, model)));
        }

        AttributeArgumentSyntax added = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(
                SyntaxFactory.IdentifierName(name),
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
            nameColon: null,
            EnumValueSyntax.Member(enumType, member, model, attribute.SpanStart));
        if (arguments.Arguments.Count == 0)
        {
            return attribute.WithArgumentList(arguments.WithArguments(SyntaxFactory.SingletonSeparatedList(added)));
        }

        // The new argument goes after the last one; a line break before ')' stays before ')'.
        AttributeArgumentSyntax last = arguments.Arguments.Last();
        var list = SyntaxFactory.SeparatedList<AttributeArgumentSyntax>(arguments.Arguments.Replace(last, last.WithoutTrailingTrivia()).GetWithSeparators()
            .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space))
            .Add(added.WithTrailingTrivia(last.GetTrailingTrivia())));
        return attribute.WithArgumentList(arguments.WithArguments(list));
    }

    private static AttributeSyntax? WithWideMarshalAs(AttributeSyntax attribute, ITypeSymbol parameterType, SemanticModel model)
    {
        if (attribute.ArgumentList is not { Arguments.Count: > 0 } arguments)
        {
            return null;
        }

        ITypeSymbol element = parameterType is IArrayTypeSymbol array ? array.ElementType : parameterType;
        string wide = element.SpecialType == SpecialType.System_Char ? "U2" : "LPWStr";
        AttributeArgumentSyntax? target = parameterType is IArrayTypeSymbol
            ? arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "ArraySubType")
            : arguments.Arguments[0];
        if (target is null || (parameterType is not IArrayTypeSymbol && target.NameEquals is not null))
        {
            return null;
        }

        ExpressionSyntax value = EnumValueSyntax.Replace(target.Expression, InteropNamespace + "UnmanagedType", wide, model);
        return attribute.ReplaceNode(target, target.WithExpression(value));
    }
}
