using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using MsDrm.Analyzers.ApiModel;
using MsDrm.CodeFixes.Syntax;

namespace MsDrm.CodeFixes;

/// <summary>
/// MSDRM001 on a raw handle: closes it at the end of the statements that use it, starting where the
/// handle exists (after the creating statement, or inside the success branch of its HRESULT test).
/// Subclasses choose the closing construct: a <c>using</c> over the adopting wrapper, or
/// <c>try/finally</c> with the project's own close import. Explicit close calls of the same handle
/// inside the new block are removed: the block closes it now, and a second close would be wrong.
/// </summary>
internal abstract class RawHandleFixer : DrmFixer
{
    /// <summary>The statement that closes the handle around <paramref name="body"/>, or null when this fix cannot.</summary>
    protected abstract StatementSyntax? Enclose(FixInput input, HandleKind kind, ISymbol handle, int position, List<StatementSyntax> body);

    /// <summary>False when the fix cannot keep the right handle if the range assigns it again.</summary>
    protected abstract bool AllowsRewriteInRange { get; }

    /// <summary>True for the fixer of wrappers created into an out argument; raw handles otherwise.</summary>
    protected virtual bool HandlesWrappers => false;

    /// <summary>Checks done before any rewrite (e.g. the runtime or a close import is available).</summary>
    protected abstract bool IsAvailable(FixInput input, HandleKind kind, int position);

    internal override FixStep? Step(FixInput input)
    {
        string name = input.Facts.Variable;
        if (input.Facts.IsWrapper != HandlesWrappers || input.Facts.Kind is not { } kind)
        {
            return null;
        }

        InvocationExpressionSyntax invocation = input.Invocation;
        if (!IsAvailable(input, kind, invocation.SpanStart))
        {
            return null;
        }

        if (name.Length == 0)
        {
            // out _: the handle needs a name before anything can close it.
            return DiscardNaming.NameDiscard(input, kind);
        }

        if (Normalizer.ExpressionBodyOwner(invocation) is not null)
        {
            return Normalizer.BlockBody(input.Root, invocation, input.Model, input.CancellationToken) is { } blockBody ? FixStep.Normalized(blockBody) : null;
        }

        StatementSyntax? statement = Normalizer.EnclosingStatement(invocation);
        while (statement?.Parent is LabeledStatementSyntax labeled)
        {
            statement = labeled;
        }

        if (statement is UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax or CommonForEachStatementSyntax)
        {
            // Created in the header: the call moves to a local before the statement, then the handle is planned as usual.
            return LocalExtraction.Extract(input.Root, statement, invocation, "hr", input.Model, input.CancellationToken) is { } extracted ? FixStep.Normalized(extracted) : null;
        }

        if (statement is WhileStatementSyntax or ForStatementSyntax or DoStatementSyntax && !RetriesUntilSuccess(input, statement))
        {
            return statement is DoStatementSyntax ? null : LoopBody(input, kind, statement, name);
        }

        if (statement is null)
        {
            return null;
        }

        StatementList? list = StatementList.Containing(statement);
        if (list is null)
        {
            return FixStep.Normalized(Normalizer.Brace(input.Root, statement));
        }

        if (statement is ReturnStatementSyntax returnStatement)
        {
            return Normalizer.SplitReturn(input.Root, returnStatement, input.Model, input.CancellationToken) is { } split ? FixStep.Normalized(split) : null;
        }

        ISymbol? handle = SymbolReferences.FindWrittenArgument(invocation, name, input.Model, input.CancellationToken)
            ?? input.Model.LookupSymbols(statement.Span.End, name: name).FirstOrDefault(s => s is ILocalSymbol);
        SyntaxNode? scope = handle is ILocalSymbol ? SymbolScope.Of(handle, input.CancellationToken) : null;
        if (handle is null || scope is null || SymbolScope.Escapes(handle, scope, input.Model, input.CancellationToken))
        {
            return null;
        }

        List<ISymbol> aliases = SymbolScope.Aliases(handle, scope, input.Model, input.CancellationToken);
        var start = SuccessPoint.Find(input, statement, list, aliases, scope);
        if (start.Normalized is not null)
        {
            return FixStep.Normalized(start.Normalized);
        }

        if (RemoveClosesAfter(input, kind, aliases, scope, start.List!) is { } withoutLateCloses)
        {
            return FixStep.Normalized(withoutLateCloses);
        }

        return Wrap(input, kind, handle, aliases, scope, start.List!, start.Start);
    }

    /// <summary>
    /// <c>while (Create(out h) &gt;= 0) { ... }</c>: each iteration's handle lives in the body, so the
    /// body is wrapped; only when the condition holding means success.
    /// </summary>
    private FixStep? LoopBody(FixInput input, HandleKind kind, StatementSyntax loop, string name)
    {
        (ExpressionSyntax? condition, StatementSyntax body) = loop switch
        {
            WhileStatementSyntax w => (w.Condition, w.Statement),
            ForStatementSyntax f => (f.Condition, f.Statement),
            _ => (null, loop),
        };
        InvocationExpressionSyntax invocation = input.Invocation;
        if (condition is null || !condition.Span.Contains(invocation.Span)
            || new SuccessCondition(input.Model, e => e == invocation, input.CancellationToken).Of(condition) != Polarity.Success)
        {
            return null;
        }

        if (body is not BlockSyntax block)
        {
            return FixStep.Normalized(Normalizer.Brace(input.Root, body));
        }

        ISymbol? handle = SymbolReferences.FindWrittenArgument(invocation, name, input.Model, input.CancellationToken);
        SyntaxNode? scope = handle is ILocalSymbol ? SymbolScope.Of(handle, input.CancellationToken) : null;
        if (handle is null || scope is null || SymbolScope.Escapes(handle, scope, input.Model, input.CancellationToken))
        {
            return null;
        }

        List<ISymbol> aliases = SymbolScope.Aliases(handle, scope, input.Model, input.CancellationToken);
        return Wrap(input, kind, handle, aliases, scope, StatementList.Of(block), 0);
    }

    /// <summary>
    /// <c>do { ... } while (Create(out h) &lt; 0);</c> (or <c>while</c>): the loop ends when the call
    /// succeeds, so the handle lives from after the loop, like after any creating statement.
    /// </summary>
    private static bool RetriesUntilSuccess(FixInput input, StatementSyntax loop)
    {
        ExpressionSyntax? condition = loop switch
        {
            DoStatementSyntax d => d.Condition,
            WhileStatementSyntax w => w.Condition,
            _ => null,
        };
        InvocationExpressionSyntax invocation = input.Invocation;
        return condition is not null && condition.Span.Contains(invocation.Span)
            && new SuccessCondition(input.Model, e => e == invocation, input.CancellationToken).Of(condition) == Polarity.Failure;
    }

    /// <summary>
    /// When the only uses of the handle after the block it lives in are close calls (a handle
    /// re-created in a loop and closed once after it), those closes go: the new block closes every
    /// handle in its own scope, and they would close the last one twice.
    /// </summary>
    private static SyntaxNode? RemoveClosesAfter(FixInput input, HandleKind kind, List<ISymbol> aliases, SyntaxNode scope, StatementList list)
    {
        if (list.Owner is CompilationUnitSyntax)
        {
            return null;
        }

        var after = aliases.SelectMany(a => SymbolReferences.In(scope, a, input.Model, input.CancellationToken))
            .Where(r => r.SpanStart >= list.Owner.Span.End)
            .ToList();
        if (after.Count == 0)
        {
            return null;
        }

        var closes = new HashSet<SyntaxNode>();
        foreach (IdentifierNameSyntax reference in after)
        {
            var statement = reference.FirstAncestorOrSelf<ExpressionStatementSyntax>();
            if (statement is null || statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
                || !IsCloseOf(statement.Expression, kind, aliases, input))
            {
                return null;
            }

            closes.Add(statement.Parent is GlobalStatementSyntax global ? global : statement);
        }

        return input.Root.RemoveNodes(closes, SyntaxRemoveOptions.KeepNoTrivia);
    }

    private FixStep? Wrap(FixInput input, HandleKind kind, ISymbol handle, List<ISymbol> aliases, SyntaxNode scope, StatementList list, int start)
    {
        var climbed = SymbolScope.ClimbWhileUsedAfter(list, start, aliases, scope, input.Model, input.CancellationToken);
        if (climbed is null)
        {
            return null;
        }

        (list, start) = climbed.Value;
        var planner = new RangePlanner(input.Model, input.CancellationToken);

        // The block spans the children made from the handle too: they must be closed before it (MSDRM005).
        List<ISymbol> lived = [.. aliases, .. HandleFamily.Children(input, aliases, scope)];
        int? planned = Plan(planner, list, start, planner.LastUse(list, start, lived), scope, out var hoisted);
        if (planned is not int end)
        {
            return null;
        }

        List<ISymbol> parents = HandleFamily.Parents(input, handle);
        if (Enumerable.Range(start, end - start + 1).Any(i => HandleFamily.ClosesAny(input, list.Statements[i], parents)))
        {
            // A block closing the parent is in the range: nest inside it, so the child is closed first.
            BlockSyntax? inner = start == end ? list.Statements[start] switch
            {
                TryStatementSyntax { Finally: not null } t => t.Block,
                UsingStatementSyntax { Statement: BlockSyntax b } => b,
                _ => null,
            } : null;
            return inner is null ? null : Wrap(input, kind, handle, aliases, scope, StatementList.Of(inner), 0);
        }

        if (Enumerable.Range(start, end - start + 1).Any(i => HandleFamily.ClosesOtherwise(input, list.Statements[i], aliases, kind.CloseFunction())))
        {
            // Closed with another kind's function (MSDRM004): it may hold that kind on another path; one more close would close it twice.
            return null;
        }

        if (HandleFamily.ReadByNextPass(input, aliases, scope))
        {
            // The next pass of a loop reads the handle before it is created again: closing it here would be a use after close (MSDRM003).
            return null;
        }

        // The handle written again in the range: end the block at the overwrite, where the old handle
        // is dead; uses after it touch the new handle, not the closed one. A wrapper keeps the value it
        // adopted, so its block may hold Duplicate(h, out h); a finally block would close the new one.
        int limit = int.MaxValue;
        if (RangeGuards.FirstOverwrite(list, start, end, handle, input.Model, input.CancellationToken) is var (overwrite, unconditional, readsFirst, writeStart))
        {
            int cut = readsFirst ? overwrite : overwrite - 1;
            if (unconditional && (AllowsRewriteInRange || !readsFirst)
                && Plan(planner, list, start, cut, scope, out var shortHoisted) is int shortEnd && shortEnd <= cut)
            {
                (end, hoisted, limit) = (shortEnd, shortHoisted, writeStart);
            }
            else if (!AllowsRewriteInRange || ClosesFrom(list, start, end, kind, aliases, input, writeStart))
            {
                // A close after the overwrite closes another handle: removing it would leak that one.
                return null;
            }
        }

        if (UsedOutsideRange(list, start, end, aliases, handle, limit, scope, input))
        {
            // A use after the block would touch a closed handle: no fix rather than a wrong one.
            return null;
        }

        int position = start < list.Statements.Count ? list.Statements[start].SpanStart : list.Owner.Span.End - 1;
        var closes = CloseStatements(list, start, end, kind, aliases, input);
        var body = planner.Body(list, start, end, hoisted, s => closes.Contains(s) ? null : RemoveNested(s, closes));
        StatementSyntax? enclosing = Enclose(input, kind, handle, position, body);
        if (enclosing is null)
        {
            return null;
        }

        if (start <= end)
        {
            enclosing = RangePlanner.EndLikeLast(enclosing, list.Statements[end]);
        }

        var replacement = planner.HoistedDeclarations(list, start, end, hoisted).ToList();
        replacement.Add(enclosing.WithAdditionalAnnotations(Formatter.Annotation));
        if (start <= end)
        {
            replacement[0] = replacement[0].WithLeadingTrivia(RangePlanner.BlankPrefix(list.Statements[start].GetLeadingTrivia()));
        }

        SyntaxNode owner = list.ReplaceRange(start, end, replacement);
        return FixStep.Final(input.Root.ReplaceNode(list.Owner, owner));
    }

    /// <summary>The settled end of the range from <paramref name="start"/> to <paramref name="end"/>, grown over gotos into it; null when none fits.</summary>
    private static int? Plan(RangePlanner planner, StatementList list, int start, int end, SyntaxNode scope, out HashSet<LocalDeclarationStatementSyntax> hoisted)
    {
        hoisted = new HashSet<LocalDeclarationStatementSyntax>();
        for (int previous = -2; previous != end;)
        {
            previous = end;
            (end, hoisted) = planner.Settle(list, start, end);
            if (RangeGuards.CoverGotos(list, start, end, scope) is not int covered)
            {
                return null;
            }

            end = covered;
        }

        return end;
    }

    /// <summary>
    /// True when a reference from the start of the range on lies outside the statements [start, end];
    /// references of the handle itself from <paramref name="limit"/> on (after it was overwritten) do not count.
    /// </summary>
    private static bool UsedOutsideRange(StatementList list, int start, int end, List<ISymbol> aliases, ISymbol handle, int limit, SyntaxNode scope, FixInput input)
    {
        int from = start < list.Statements.Count ? list.Statements[start].SpanStart : list.Owner.Span.End;
        return aliases
            .SelectMany(a => SymbolReferences.In(scope, a, input.Model, input.CancellationToken)
                .Where(r => r.SpanStart >= from && (r.SpanStart < limit || !SymbolEqualityComparer.Default.Equals(a, handle))))
            .Any(r => start > end || r.SpanStart >= list.Statements[end].Span.End);
    }

    /// <summary>True when a close of the handle in [start, end] starts at or after <paramref name="position"/>.</summary>
    private static bool ClosesFrom(StatementList list, int start, int end, HandleKind kind, List<ISymbol> aliases, FixInput input, int position)
        => CloseStatements(list, start, end, kind, aliases, input).Any(c => c.SpanStart >= position);

    /// <summary>Statements (in statement lists) that only close this handle: <c>Close(h);</c>, <c>_ = Close(h);</c>, <c>ThrowIfFailed(Close(h));</c>.</summary>
    private static HashSet<StatementSyntax> CloseStatements(StatementList list, int start, int end, HandleKind kind, List<ISymbol> aliases, FixInput input)
    {
        var result = new HashSet<StatementSyntax>();
        for (int i = start; i <= end; i++)
        {
            foreach (ExpressionStatementSyntax statement in list.Statements[i].DescendantNodesAndSelf().OfType<ExpressionStatementSyntax>())
            {
                if (statement.Parent is BlockSyntax or SwitchSectionSyntax || statement == list.Statements[i])
                {
                    if (IsCloseOf(statement.Expression, kind, aliases, input))
                    {
                        result.Add(statement);
                    }
                }
            }
        }

        return result;
    }

    private static bool IsCloseOf(ExpressionSyntax expression, HandleKind kind, List<ISymbol> aliases, FixInput input)
    {
        if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard)
        {
            expression = discard.Right;
        }

        if (expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } outer
            && input.Model.GetSymbolInfo(outer, input.CancellationToken).Symbol is IMethodSymbol thrower
            && input.Recognizer.IsThrowIfFailed(thrower))
        {
            expression = outer.ArgumentList.Arguments[0].Expression;
        }

        return expression is InvocationExpressionSyntax call
            && input.Model.GetSymbolInfo(call, input.CancellationToken).Symbol is IMethodSymbol method
            && input.Recognizer.GetFunction(method)?.Name == kind.CloseFunction()
            && call.ArgumentList.Arguments.Any(a => aliases.Any(alias => SymbolReferences.IsReferencedIn(a, alias, input.Model, input.CancellationToken)));
    }

    private static StatementSyntax RemoveNested(StatementSyntax statement, HashSet<StatementSyntax> closes)
    {
        var nested = statement.DescendantNodes().OfType<StatementSyntax>().Where(closes.Contains).ToList();
        return nested.Count == 0 ? statement : statement.RemoveNodes(nested, SyntaxRemoveOptions.KeepNoTrivia) ?? statement;
    }

    /// <summary>The handle as an argument of the given type: cast when no implicit conversion exists.</summary>
    protected static ExpressionSyntax Argument(FixInput input, ISymbol handle, ITypeSymbol? target)
    {
        ExpressionSyntax value = SyntaxFactory.IdentifierName(handle.Name);
        ITypeSymbol? type = (handle as ILocalSymbol)?.Type;
        if (target is null || type is null || input.Model.Compilation.ClassifyConversion(type, target).IsImplicit)
        {
            return value;
        }

        return SyntaxFactory.CastExpression(
            SyntaxFactory.ParseTypeName(target.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation),
            value);
    }
}
