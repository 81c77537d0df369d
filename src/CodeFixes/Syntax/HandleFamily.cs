using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>
/// Parents and children of a raw handle by the table's <c>parent_param</c> (MSDRM005): a new block
/// must close a child before its parent, and must not close a handle the next loop pass still reads
/// (MSDRM003).
/// </summary>
internal static class HandleFamily
{
    /// <summary>Locals receiving a handle made from one of <paramref name="aliases"/> (a default library of an environment, ...).</summary>
    internal static List<ISymbol> Children(FixInput input, List<ISymbol> aliases, SyntaxNode scope)
    {
        var children = new List<ISymbol>();
        foreach (var (created, parent) in CreatedWithParent(input, scope))
        {
            if (ReferencesAny(parent, aliases, input) && created is ILocalReferenceOperation { Local: var local } && !children.Contains(local, SymbolEqualityComparer.Default))
            {
                children.Add(local);
            }
        }

        return children;
    }

    /// <summary>The locals the parents of <paramref name="handle"/> were passed in, in the call that creates it.</summary>
    internal static List<ISymbol> Parents(FixInput input, ISymbol handle)
    {
        var parents = new List<ISymbol>();
        foreach (var (created, parent) in CreatedWithParent(input, input.Invocation))
        {
            if (created is ILocalReferenceOperation { Local: var local } && SymbolEqualityComparer.Default.Equals(local, handle)
                && parent is ILocalReferenceOperation { Local: var parentLocal })
            {
                parents.Add(parentLocal);
            }
        }

        return parents;
    }

    /// <summary>True when <paramref name="node"/> closes or adopts one of <paramref name="handles"/>.</summary>
    internal static bool ClosesAny(FixInput input, SyntaxNode node, List<ISymbol> handles)
        => Closes(input, node, handles, method => input.Recognizer.GetFunction(method) is { IsClose: true } || input.Recognizer.Recognize(method).IsAdopt);

    /// <summary>
    /// True when <paramref name="node"/> closes one of <paramref name="handles"/> with a close function other than
    /// <paramref name="closeFunction"/>: the variable may hold a handle of another kind there, which a new close would close twice.
    /// </summary>
    internal static bool ClosesOtherwise(FixInput input, SyntaxNode node, List<ISymbol> handles, string closeFunction)
        => Closes(input, node, handles, method => input.Recognizer.GetFunction(method) is { IsClose: true } function && function.Name != closeFunction);

    private static bool Closes(FixInput input, SyntaxNode node, List<ISymbol> handles, System.Func<IMethodSymbol, bool> isClose)
        => handles.Count > 0 && node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(call =>
            input.Model.GetSymbolInfo(call, input.CancellationToken).Symbol is IMethodSymbol method && isClose(method)
            && call.ArgumentList.Arguments.Any(a => handles.Any(h => SymbolReferences.IsReferencedIn(a, h, input.Model, input.CancellationToken))));

    /// <summary>
    /// True when a loop around the creating call that the handle's variable outlives reads the
    /// handle before the call: the next pass uses the value a block closing it in this pass would close.
    /// </summary>
    internal static bool ReadByNextPass(FixInput input, List<ISymbol> aliases, SyntaxNode scope)
    {
        int from = input.Invocation.SpanStart;
        for (SyntaxNode? node = input.Invocation.Parent; node is not null && node != scope; node = node.Parent)
        {
            if (node is WhileStatementSyntax or ForStatementSyntax or DoStatementSyntax or CommonForEachStatementSyntax
                && aliases.Any(a => SymbolReferences.In(node, a, input.Model, input.CancellationToken).Any(r => r.SpanStart < from && !SymbolReferences.IsWrite(r))))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<(IOperation Created, IOperation Parent)> CreatedWithParent(FixInput input, SyntaxNode node)
    {
        foreach (InvocationExpressionSyntax call in node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (input.Model.GetSymbolInfo(call, input.CancellationToken).Symbol is not IMethodSymbol method
                || input.Recognizer.GetFunction(method) is not { } function
                || input.Model.GetOperation(call, input.CancellationToken) is not IInvocationOperation operation)
            {
                continue;
            }

            foreach (DrmParameter parameter in function.Created.Where(p => p.ParentIndex is not null))
            {
                IOperation? created = ArgumentAt(operation, parameter.Index);
                IOperation? parent = ArgumentAt(operation, parameter.ParentIndex!.Value);
                if (created is not null && parent is not null)
                {
                    yield return (created, parent);
                }
            }
        }
    }

    private static IOperation? ArgumentAt(IInvocationOperation operation, int index)
    {
        IOperation? value = operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == index)?.Value;
        while (value is IConversionOperation or IDeclarationExpressionOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IDeclarationExpressionOperation)value).Expression;
        }

        return value;
    }

    private static bool ReferencesAny(IOperation operation, List<ISymbol> symbols, FixInput input)
        => operation is ILocalReferenceOperation { Local: var local }
            ? symbols.Contains(local, SymbolEqualityComparer.Default)
            : symbols.Any(s => SymbolReferences.IsReferencedIn(operation.Syntax, s, input.Model, input.CancellationToken));
}
