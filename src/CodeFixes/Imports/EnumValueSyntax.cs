using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.CodeFixes.Syntax;

namespace MsDrm.CodeFixes.Imports;

/// <summary>Writes interop enum members (<c>CharSet.Unicode</c>, <c>UnmanagedType.LPWStr</c>) in place of other values.</summary>
internal static class EnumValueSyntax
{
    /// <summary><c>Type.Member</c>, the type qualified as far as its scope at <paramref name="position"/> needs.</summary>
    internal static ExpressionSyntax Member(string enumFullName, string member, SemanticModel model, int position)
        => SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            DocumentFinisher.QualifiedType(enumFullName, model, position),
            SyntaxFactory.IdentifierName(member));

    /// <summary>
    /// The value <paramref name="old"/> replaced by <c>Type.Member</c>: only the member name changes
    /// when it already reads <c>X.Member</c> (its qualification and trivia stay), else a new expression.
    /// </summary>
    internal static ExpressionSyntax Replace(ExpressionSyntax old, string enumFullName, string member, SemanticModel model)
    {
        if (old is MemberAccessExpressionSyntax access
            && model.GetTypeInfo(old).Type is { } type
            && type.ToDisplayString() == enumFullName)
        {
            return access.WithName(SyntaxFactory.IdentifierName(member).WithTriviaFrom(access.Name));
        }

        return Member(enumFullName, member, model, old.SpanStart).WithTriviaFrom(old);
    }
}
