using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.CodeFixes.Syntax;

namespace MsDrm.CodeFixes;

/// <summary>
/// MSDRM002: checks the HRESULT. A call whose value is dropped is wrapped,
/// <c>DrmException.ThrowIfFailed(call);</c> (or <c>Marshal.ThrowExceptionForHR(call)</c> without the
/// runtime). Both throw helpers return void, so a dead store <c>int hr = call;</c> keeps its
/// statement and gets <c>DrmException.ThrowIfFailed(hr);</c> right after it.
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
                return FixStep.Final(input.Root.ReplaceNode(node, Wrap(thrower, AsInt(input, (ExpressionSyntax)node))));

            case ArrowExpressionClauseSyntax or AnonymousFunctionExpressionSyntax when ReturnsVoid(input, invocation):
                return FixStep.Final(input.Root.ReplaceNode(node, Wrap(thrower, AsInt(input, (ExpressionSyntax)node))));

            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                when declarator.Parent?.Parent is LocalDeclarationStatementSyntax declaration:
                return CheckAfter(input, declaration, AsInt(input.Model.GetDeclaredSymbol(declarator, input.CancellationToken) is ILocalSymbol local ? local.Type : null, input, SyntaxFactory.IdentifierName(declarator.Identifier.WithoutTrivia())), thrower);

            case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                when assignment.Right == node && Outermost(assignment).Parent is ExpressionStatementSyntax statement:
                return StatementList.Containing(statement) is null
                    ? FixStep.Final(input.Root.ReplaceNode(assignment, Wrap(thrower, AsInt(input, assignment))))
                    : CheckAfter(input, statement, AsInt(input.Model.GetTypeInfo(assignment.Left, input.CancellationToken).Type, input, assignment.Left.WithoutTrivia()), thrower);

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

    /// <summary>The HRESULT as an <c>int</c>: <c>unchecked((int)value)</c> for an import declared to return <c>uint</c>.</summary>
    private static ExpressionSyntax AsInt(FixInput input, ExpressionSyntax value)
        => AsInt(input.Model.GetTypeInfo(value, input.CancellationToken).Type, input, value);

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

    private static FixStep? CheckAfter(FixInput input, StatementSyntax statement, ExpressionSyntax variable, ExpressionSyntax thrower)
    {
        StatementList? list = StatementList.Containing(statement);
        if (list is null)
        {
            return null;
        }

        int index = list.IndexOf(statement);
        StatementSyntax check = DocumentFinisher.LikeSibling(SyntaxFactory.ExpressionStatement(Wrap(thrower, variable)), statement);
        SyntaxNode owner = list.ReplaceRange(index, index, new[] { statement, check });
        return FixStep.Final(input.Root.ReplaceNode(list.Owner, owner));
    }

    private static bool ReturnsVoid(FixInput input, SyntaxNode node)
        => input.Model.GetEnclosingSymbol(node.SpanStart, input.CancellationToken) is IMethodSymbol { ReturnsVoid: true };
}
