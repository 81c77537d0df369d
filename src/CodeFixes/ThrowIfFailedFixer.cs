using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.Hresults;
using MsDrm.CodeFixes.Syntax;

namespace MsDrm.CodeFixes;

/// <summary>
/// MSDRM002: checks the HRESULT. A call whose value is dropped is wrapped,
/// <c>DrmException.ThrowIfFailed(call);</c> (or <c>Marshal.ThrowExceptionForHR(call)</c> without the
/// runtime). Both throw helpers return void, so a dead store <c>int hr = call;</c> keeps its
/// statement and gets <c>DrmException.ThrowIfFailed(hr);</c> right after it. An HRESULT struct is
/// checked with its own <c>ThrowOnFailure()</c> when it has one (CsWin32's), else passed to the throw
/// helper as an <c>int</c> (its conversion, or its <c>Value</c>).
/// </summary>
internal sealed class ThrowIfFailedFixer : DrmFixer
{
    internal override string EquivalenceKey => FixKinds.ThrowIfFailed;

    internal override string Title(LeakFacts facts) => "Throw when the HRESULT is a failure";

    internal override FixStep? Step(FixInput input)
    {
        InvocationExpressionSyntax invocation = input.Invocation;
        SyntaxNode node = invocation;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax
            || (node.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Parent: AssignmentExpressionSyntax } chained && chained.Right == node))
        {
            // int hr = (int)call; and hr = last = call; check the value where it is stored.
            node = node.Parent;
        }

        ExpressionSyntax thrower = ThrowMethod(input);
        switch (node.Parent)
        {
            case ExpressionStatementSyntax:
            case ForStatementSyntax:
            case ArrowExpressionClauseSyntax or AnonymousFunctionExpressionSyntax when ReturnsVoid(input, invocation):
                return Check(input, TypeOf(input, node), (ExpressionSyntax)node, thrower) is { } check
                    ? FixStep.Final(input.Root.ReplaceNode(node, check))
                    : null;

            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                when declarator.Parent?.Parent is LocalDeclarationStatementSyntax declaration:
                return CheckAfter(input, declaration, Check(input, input.Model.GetDeclaredSymbol(declarator, input.CancellationToken) is ILocalSymbol local ? local.Type : null, SyntaxFactory.IdentifierName(declarator.Identifier.WithoutTrivia()), thrower));

            case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                when assignment.Right == node && Outermost(assignment).Parent is ExpressionStatementSyntax statement:
                return StatementList.Containing(statement) is null
                    ? Check(input, TypeOf(input, assignment), assignment, thrower) is { } inPlace ? FixStep.Final(input.Root.ReplaceNode(assignment, inPlace)) : null
                    : CheckAfter(input, statement, Check(input, TypeOf(input, assignment.Left), assignment.Left.WithoutTrivia(), thrower));

            default:
                return null;
        }
    }

    /// <summary><c>global::MsDrm.DrmException.ThrowIfFailed</c> or <c>global::System.Runtime.InteropServices.Marshal.ThrowExceptionForHR</c>.</summary>
    private static ExpressionSyntax ThrowMethod(FixInput input)
    {
        bool runtime = input.Recognizer.HasRuntime;
        ExpressionSyntax type = DocumentFinisher.QualifiedType(
            runtime ? "MsDrm.DrmException" : "System.Runtime.InteropServices.Marshal", input.Model, input.Invocation.SpanStart);
        return SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            type,
            SyntaxFactory.IdentifierName(runtime ? "ThrowIfFailed" : "ThrowExceptionForHR"));
    }

    /// <summary>The top of a chain <c>a = b = value</c>.</summary>
    private static ExpressionSyntax Outermost(AssignmentExpressionSyntax assignment)
    {
        ExpressionSyntax node = assignment;
        while (node.Parent is AssignmentExpressionSyntax outer && outer.Right == node)
        {
            node = outer;
        }

        return node;
    }

    private static ITypeSymbol? TypeOf(FixInput input, SyntaxNode node)
        => input.Model.GetTypeInfo(node, input.CancellationToken).Type;

    /// <summary>
    /// The check of <paramref name="value"/>: <c>value.ThrowOnFailure()</c> for an HRESULT struct that
    /// has it, else the throw helper around the value as an <c>int</c>; null when there is no way to
    /// read an HRESULT struct as one.
    /// </summary>
    private static ExpressionSyntax? Check(FixInput input, ITypeSymbol? type, ExpressionSyntax value, ExpressionSyntax thrower)
    {
        if (type is null || !HresultStruct.IsHresultStruct(type))
        {
            return Wrap(thrower, AsInt(type, input, value));
        }

        int position = input.Invocation.SpanStart;
        if (HasMember(input, type, "ThrowOnFailure", position, m => m is IMethodSymbol { IsStatic: false } method && method.Parameters.All(p => p.IsOptional)))
        {
            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Receiver(value), SyntaxFactory.IdentifierName("ThrowOnFailure")))
                .WithTriviaFrom(value);
        }

        ITypeSymbol int32 = input.Model.Compilation.GetSpecialType(SpecialType.System_Int32);
        if (input.Model.Compilation.ClassifyConversion(type, int32).IsImplicit)
        {
            return Wrap(thrower, value);
        }

        if (HasMember(input, type, "Value", position, m => m is IFieldSymbol { IsStatic: false, Type.SpecialType: SpecialType.System_Int32 } or IPropertySymbol { IsStatic: false, Type.SpecialType: SpecialType.System_Int32 }))
        {
            return Wrap(thrower, SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Receiver(value), SyntaxFactory.IdentifierName("Value")).WithTriviaFrom(value));
        }

        return input.Model.Compilation.ClassifyConversion(type, int32).IsExplicit ? Wrap(thrower, AsInt(type, input, value)) : null;
    }

    private static bool HasMember(FixInput input, ITypeSymbol type, string name, int position, System.Func<ISymbol, bool> shape)
        => type.GetMembers(name).Any(member => shape(member) && input.Model.IsAccessible(position, member));

    /// <summary>The value as the receiver of a member access (parenthesised unless it is a primary expression).</summary>
    private static ExpressionSyntax Receiver(ExpressionSyntax value)
        => value is InvocationExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax
            ? value.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(value.WithoutTrivia());

    private static ExpressionSyntax AsInt(ITypeSymbol? type, FixInput input, ExpressionSyntax value)
    {
        ITypeSymbol target = input.Model.Compilation.GetSpecialType(SpecialType.System_Int32);
        if (type is null || input.Model.Compilation.ClassifyConversion(type, target).IsImplicit)
        {
            return value;
        }

        return SyntaxFactory.CheckedExpression(
                SyntaxKind.UncheckedExpression,
                SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)), value.WithoutTrivia()))
            .WithTriviaFrom(value);
    }

    private static InvocationExpressionSyntax Wrap(ExpressionSyntax thrower, ExpressionSyntax value)
        => SyntaxFactory.InvocationExpression(
                thrower,
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value.WithoutTrivia()))))
            .WithTriviaFrom(value);

    private static FixStep? CheckAfter(FixInput input, StatementSyntax statement, ExpressionSyntax? checkExpression)
    {
        StatementList? list = StatementList.Containing(statement);
        if (list is null || checkExpression is null)
        {
            return null;
        }

        int index = list.IndexOf(statement);
        StatementSyntax check = DocumentFinisher.LikeSibling(SyntaxFactory.ExpressionStatement(checkExpression.WithoutTrivia()), statement);
        SyntaxNode owner = list.ReplaceRange(index, index, new[] { statement, check });
        return FixStep.Final(input.Root.ReplaceNode(list.Owner, owner));
    }

    private static bool ReturnsVoid(FixInput input, SyntaxNode node)
        => input.Model.GetEnclosingSymbol(node.SpanStart, input.CancellationToken) is IMethodSymbol { ReturnsVoid: true };
}
