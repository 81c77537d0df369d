using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using MsDrm.CodeFixes.Syntax;

namespace MsDrm.CodeFixes;

/// <summary>
/// MSDRM001 on a <c>SafeDrm*Handle</c>:
/// <list type="bullet">
/// <item><c>var x = ...;</c> in a block (C# 8+) becomes <c>using var x = ...;</c>: the rest of the block is its scope.</item>
/// <item>Elsewhere (switch section, older C#) it becomes <c>using (var x = ...) { ... }</c> up to the
/// last use of x; when x is assigned again later, <c>using (x) { ... }</c> follows the declaration.</item>
/// <item><c>x = ...;</c> on an existing local becomes <c>using (x = ...) { ... }</c>.</item>
/// <item>A dropped value, <c>SafeDrmSessionHandle.Adopt(h);</c>, becomes <c>using (SafeDrmSessionHandle.Adopt(h)) { ... }</c>
/// spanning the later uses of h: the user meant the wrapper to own h while h is in use.
/// A dropped <c>s.Duplicate();</c> gets an empty block, which releases the copy at once.</item>
/// </list>
/// Not offered when the wrapper is returned, stored or captured somewhere: disposing it would be wrong.
/// </summary>
internal sealed class DisposeWrapperFixer : DrmFixer
{
    internal override string EquivalenceKey => FixKinds.DisposeWrapper;

    internal override string Title(LeakFacts facts)
        => facts.Variable.Length == 0 ? "Dispose the handle with a using statement" : $"Dispose '{facts.Variable}' with a using statement";

    internal override FixStep? Step(FixInput input)
    {
        if (!input.Facts.IsWrapper)
        {
            return null;
        }

        InvocationExpressionSyntax invocation = input.Invocation;
        if (Normalizer.ExpressionBodyOwner(invocation) is not null)
        {
            return Normalizer.BlockBody(input.Root, invocation, input.Model, input.CancellationToken) is { } blockBody ? FixStep.Normalized(blockBody) : null;
        }

        SyntaxNode node = invocation;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                when declarator.Parent?.Parent is LocalDeclarationStatementSyntax declaration && declaration.UsingKeyword.IsKind(SyntaxKind.None):
                return FixDeclaration(input, declaration, declarator);

            case ExpressionStatementSyntax statement:
                return FixDroppedValue(input, statement, invocation);

            case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax left } assignment
                when assignment.Right == node && assignment.Parent is ExpressionStatementSyntax statement:
                return FixAssignment(input, statement, assignment, left);

            default:
                return NameTemporary(input, invocation);
        }
    }

    /// <summary>
    /// A wrapper used as a temporary, <c>!s.Duplicate().IsInvalid</c>: it gets a local declared just
    /// before the statement, which the next step disposes like any other.
    /// </summary>
    private static FixStep? NameTemporary(FixInput input, InvocationExpressionSyntax invocation)
    {
        StatementSyntax? statement = Normalizer.EnclosingStatement(invocation);
        string baseName = input.Facts.Kind is { } kind ? DiscardNaming.BaseName(kind) : "handle";
        return statement is not null && LocalExtraction.Extract(input.Root, statement, invocation, baseName, input.Model, input.CancellationToken) is { } extracted
            ? FixStep.Normalized(extracted)
            : null;
    }

    private static FixStep? FixDeclaration(FixInput input, LocalDeclarationStatementSyntax declaration, VariableDeclaratorSyntax declarator)
    {
        StatementList? list = StatementList.Containing(declaration);
        ISymbol? variable = input.Model.GetDeclaredSymbol(declarator, input.CancellationToken);
        SyntaxNode? scope = variable is null ? null : SymbolScope.Of(variable, input.CancellationToken);
        if (list is null || variable is null || scope is null || SymbolScope.Escapes(variable, scope, input.Model, input.CancellationToken))
        {
            return null;
        }

        int index = list.IndexOf(declaration);
        bool written = SymbolScope.IsWritten(variable, scope, input.Model, input.CancellationToken);
        if (!written && list.AllowsUsingDeclaration && SymbolScope.SupportsUsingDeclarations(declaration.SyntaxTree)
            && !list.Statements.Skip(index + 1).Any(s => s.DescendantNodesAndSelf().OfType<LabeledStatementSyntax>().Any()))
        {
            var usingDeclaration = declaration.WithoutLeadingTrivia()
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithLeadingTrivia(declaration.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.Space));
            return FixStep.Final(input.Root.ReplaceNode(declaration, usingDeclaration));
        }

        var range = Plan(input, list, index + 1, variable);
        if (!written)
        {
            // using (var x = ...) { ... } replaces the declaration and the range.
            var statement = SyntaxFactory.UsingStatement(declaration.Declaration.WithoutTrivia(), null, SyntaxFactory.Block(range.Body))
                .WithLeadingTrivia(declaration.GetLeadingTrivia())
                .WithTrailingTrivia(declaration.GetTrailingTrivia());
            return Replace(input, list, index, range, statement);
        }

        var usingExisting = SyntaxFactory.UsingStatement(null, SyntaxFactory.IdentifierName(variable.Name), SyntaxFactory.Block(range.Body));
        return Replace(input, list, index + 1, range, usingExisting);
    }

    private static FixStep? FixDroppedValue(FixInput input, ExpressionStatementSyntax statement, InvocationExpressionSyntax invocation)
    {
        StatementList? list = StatementList.Containing(statement);
        if (list is null)
        {
            return statement.Parent is LabeledStatementSyntax ? null : FixStep.Normalized(Normalizer.Brace(input.Root, statement));
        }

        int index = list.IndexOf(statement);
        ISymbol? adopted = AdoptedVariable(input, invocation);
        var range = adopted is null ? Plan(input, list, index + 1, index) : Plan(input, list, index + 1, adopted);
        var usingStatement = SyntaxFactory.UsingStatement(null, invocation.WithoutTrivia(), SyntaxFactory.Block(range.Body))
            .WithTriviaFrom(statement);
        return Replace(input, list, index, range, usingStatement);
    }

    private static FixStep? FixAssignment(FixInput input, ExpressionStatementSyntax statement, AssignmentExpressionSyntax assignment, IdentifierNameSyntax left)
    {
        StatementList? list = StatementList.Containing(statement);
        ISymbol? variable = input.Model.GetSymbolInfo(left, input.CancellationToken).Symbol;
        SyntaxNode? scope = variable is ILocalSymbol ? SymbolScope.Of(variable, input.CancellationToken) : null;
        if (variable is null || scope is null || SymbolScope.Escapes(variable, scope, input.Model, input.CancellationToken))
        {
            return null;
        }

        if (list is null)
        {
            return statement.Parent is LabeledStatementSyntax ? null : FixStep.Normalized(Normalizer.Brace(input.Root, statement));
        }

        int index = list.IndexOf(statement);
        var range = Plan(input, list, index + 1, variable);
        var usingStatement = SyntaxFactory.UsingStatement(null, assignment.WithoutTrivia(), SyntaxFactory.Block(range.Body))
            .WithTriviaFrom(statement);
        return Replace(input, list, index, range, usingStatement);
    }

    /// <summary>The local passed to <c>Adopt(h)</c>, whose later uses the wrapper must cover.</summary>
    private static ISymbol? AdoptedVariable(FixInput input, InvocationExpressionSyntax invocation)
    {
        if (input.Model.GetSymbolInfo(invocation, input.CancellationToken).Symbol is not IMethodSymbol { Name: "Adopt" } method
            || input.Recognizer.GetWrapperKind(method.ContainingType) is null
            || invocation.ArgumentList.Arguments.Count != 1)
        {
            return null;
        }

        ExpressionSyntax argument = invocation.ArgumentList.Arguments[0].Expression;
        while (argument is CastExpressionSyntax or ParenthesizedExpressionSyntax)
        {
            argument = argument is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)argument).Expression;
        }

        return argument is IdentifierNameSyntax identifier
            && input.Model.GetSymbolInfo(identifier, input.CancellationToken).Symbol is { } symbol
            && symbol is ILocalSymbol or IParameterSymbol ? symbol : null;
    }

    private sealed class Range
    {
        internal Range(int start, int end, List<StatementSyntax> body, List<StatementSyntax> hoisted)
        {
            Start = start;
            End = end;
            Body = body;
            Hoisted = hoisted;
        }

        internal int Start { get; }

        internal int End { get; }

        internal List<StatementSyntax> Body { get; }

        internal List<StatementSyntax> Hoisted { get; }
    }

    private static Range Plan(FixInput input, StatementList list, int start, ISymbol variable)
        => Plan(input, list, start, new RangePlanner(input.Model, input.CancellationToken).LastUse(list, start, variable));

    private static Range Plan(FixInput input, StatementList list, int start, int end)
    {
        var planner = new RangePlanner(input.Model, input.CancellationToken);
        (end, var hoisted) = planner.Settle(list, start, end);
        return new Range(start, end, planner.Body(list, start, end, hoisted), planner.HoistedDeclarations(list, start, end, hoisted).ToList());
    }

    /// <summary>Replaces statements [first, range.End] with the hoisted declarations and the new statement.</summary>
    private static FixStep Replace(FixInput input, StatementList list, int first, Range range, StatementSyntax statement)
    {
        if (first == range.Start && range.Start <= range.End)
        {
            // Inserted after the declaration: keep the blank lines of the first wrapped statement above.
            statement = statement.WithLeadingTrivia(RangePlanner.BlankPrefix(list.Statements[range.Start].GetLeadingTrivia()));
        }

        if (first <= range.End)
        {
            statement = RangePlanner.EndLikeLast(statement, list.Statements[range.End]);
        }

        var replacement = new List<StatementSyntax>(range.Hoisted) { statement.WithAdditionalAnnotations(Formatter.Annotation) };
        if (replacement.Count > 1)
        {
            // Hoisted declarations come first: they take the comments and blank lines of the original statement.
            replacement[0] = replacement[0].WithLeadingTrivia(statement.GetLeadingTrivia());
            replacement[replacement.Count - 1] = statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithAdditionalAnnotations(Formatter.Annotation);
        }

        return FixStep.Final(input.Root.ReplaceNode(list.Owner, list.ReplaceRange(first, range.End, replacement)));
    }
}
