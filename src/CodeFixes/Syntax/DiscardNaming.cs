using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>
/// <c>Create(..., out _)</c> throws a created handle away: the fix first gives it a variable,
/// <c>out uint session</c>, so the handle can be closed.
/// </summary>
internal static class DiscardNaming
{
    internal static FixStep? NameDiscard(FixInput input, HandleKind kind)
    {
        if (input.Model.GetSymbolInfo(input.Invocation, input.CancellationToken).Symbol is not IMethodSymbol method
            || input.Recognizer.GetFunction(method) is not { } function)
        {
            return null;
        }

        foreach (DrmParameter created in function.Created.Where(p => p.Kind == kind))
        {
            ArgumentSyntax? argument = ArgumentFor(input.Invocation, method, created.Index);
            if (argument is null || !IsDiscard(argument.Expression, input) || created.Index >= method.Parameters.Length)
            {
                continue;
            }

            string name = Normalizer.UniqueLocalName(input.Invocation, BaseName(kind), input.Model);
            TypeSyntax type = SyntaxFactory.ParseTypeName(method.Parameters[created.Index].Type.ToMinimalDisplayString(input.Model, input.Invocation.SpanStart));
            var declaration = SyntaxFactory.DeclarationExpression(type, SyntaxFactory.SingleVariableDesignation(SyntaxFactory.Identifier(name)))
                .WithTriviaFrom(argument.Expression);
            return FixStep.Normalized(input.Root.ReplaceNode(argument.Expression, declaration), input.Facts.WithVariable(name));
        }

        return null;
    }

    private static ArgumentSyntax? ArgumentFor(InvocationExpressionSyntax invocation, IMethodSymbol method, int index)
    {
        var arguments = invocation.ArgumentList.Arguments;
        for (int i = 0; i < arguments.Count; i++)
        {
            string? named = arguments[i].NameColon?.Name.Identifier.ValueText;
            int position = named is null ? i : method.Parameters.IndexOf(method.Parameters.FirstOrDefault(p => p.Name == named)!);
            if (position == index)
            {
                return arguments[i];
            }
        }

        return null;
    }

    private static bool IsDiscard(ExpressionSyntax expression, FixInput input) => expression switch
    {
        DeclarationExpressionSyntax { Designation: DiscardDesignationSyntax } => true,
        IdentifierNameSyntax { Identifier.ValueText: "_" } identifier => input.Model.GetSymbolInfo(identifier, input.CancellationToken).Symbol is IDiscardSymbol or null,
        _ => false,
    };

    /// <summary>The name a fix gives a handle of this kind.</summary>
    internal static string BaseName(HandleKind kind) => kind switch
    {
        HandleKind.Session => "session",
        HandleKind.Pub => "pubHandle",
        HandleKind.Environment => "environment",
        HandleKind.Query => "query",
        _ => "handle",
    };
}
