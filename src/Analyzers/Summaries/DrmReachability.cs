using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.Summaries;

/// <summary>
/// The summaries' cheap first check, from syntax and declarations only: can a user method reach a
/// DRM call at all? It cannot when none of the calls written in its body carries a name of
/// <see cref="DrmCallNames"/> or the name of a user method that can. Most helpers of ordinary code
/// are passed over this way without binding their bodies. The answer over-approximates (a name is
/// enough), so "no" is exact: such a method neither forwards an HRESULT nor creates a handle.
/// </summary>
/// <remarks>
/// Methods that call each other are one strongly connected component: all of them reach a DRM call
/// as soon as one does (Tarjan's algorithm over the calls by name). Answers are kept per compilation.
/// Called under the summary cache's lock only, so it needs no lock of its own.
/// </remarks>
internal sealed class DrmReachability
{
    private readonly Compilation compilation;
    private readonly DrmCallRecognizer recognizer;
    private readonly Dictionary<IMethodSymbol, bool> known = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, int> onStack = new(SymbolEqualityComparer.Default);
    private readonly List<IMethodSymbol> stack = new();
    private readonly Dictionary<string, ImmutableArray<IMethodSymbol>> methodsByName = new(StringComparer.Ordinal);

    // One set of called names per level of the walk, kept for the next method read at that level:
    // hundreds of helpers are read per compilation, and a new set for each was thrown away after it.
    private readonly Stack<HashSet<string>> spareNameSets = new();
    // On the benchmark's corpus (140,000 lines) the index cost about 7 ms, one walk of the declaration table about 0.2 ms.
    private const int AsksBeforeIndex = 16;

    private MemberNameIndex? typesByMemberName;
    private int asksWithoutIndex;
    private DrmCallNames? names;

    internal DrmReachability(Compilation compilation, DrmCallRecognizer recognizer)
    {
        this.compilation = compilation;
        this.recognizer = recognizer;
    }

    /// <summary>False only when no call in the method's body (nested functions included) can lead to a DRM call.</summary>
    internal bool MayCallDrm(IMethodSymbol method)
    {
        names ??= DrmCallNames.Create(compilation, recognizer);
        if (!names.IsComplete)
        {
            return true;
        }

        Visit(method, out bool reaches);
        return reaches;
    }

    /// <summary>Returns the lowest stack index the method's calls lead back to (its component's root).</summary>
    private int Visit(IMethodSymbol method, out bool reaches)
    {
        if (known.TryGetValue(method, out reaches))
        {
            return int.MaxValue;
        }

        if (onStack.TryGetValue(method, out int index))
        {
            reaches = false;
            return index;
        }

        index = stack.Count;
        onStack.Add(method, index);
        stack.Add(method);
        int low = index;
        // Too deep to follow: "may" is the safe answer.
        reaches = !SummaryCache.HasStackRoom() || CallsMayReach(method, ref low);
        if (reaches)
        {
            // Settled whatever its component turns out to be.
            known[method] = true;
        }

        if (low == index)
        {
            // The component's root: every method above it on the stack gets its answer.
            for (int i = stack.Count - 1; i >= index; i--)
            {
                known[stack[i]] = reaches;
                onStack.Remove(stack[i]);
                stack.RemoveAt(i);
            }
        }

        return low;
    }

    /// <summary>True when one of the method's calls may reach a DRM call; lowers <paramref name="low"/> to the component's root.</summary>
    private bool CallsMayReach(IMethodSymbol method, ref int low)
    {
        HashSet<string> called = spareNameSets.Count > 0 ? spareNameSets.Pop() : new HashSet<string>(StringComparer.Ordinal);
        try
        {
            AddCalledNames(method, called);
            return AnyMayReach(called, ref low);
        }
        finally
        {
            called.Clear();
            spareNameSets.Push(called);
        }
    }

    /// <summary>True when a DRM name is called, or a user method of a called name may reach a DRM call.</summary>
    private bool AnyMayReach(HashSet<string> called, ref int low)
    {
        foreach (string name in called)
        {
            if (names!.Contains(name))
            {
                return true;
            }

            foreach (IMethodSymbol callee in MethodsNamed(name))
            {
                if (recognizer.RecognizeWithoutSummary(callee) is { } direct)
                {
                    if (direct.IsDrmRelated)
                    {
                        return true;
                    }
                }
                else
                {
                    low = Math.Min(low, Visit(callee, out bool calleeReaches));
                    if (calleeReaches)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Adds the simple names of the calls written in the method's body. A local function's
    /// calls are read in its whole enclosing member, so calls between sibling local functions are
    /// seen. Calls the compiler writes (query clauses, collection initialisers' <c>Add</c>, an
    /// interpolated string handler's appends) are named too.
    /// </summary>
    private static void AddCalledNames(IMethodSymbol method, HashSet<string> called)
    {
        IMethodSymbol implementation = method.PartialImplementationPart ?? method;
        if (implementation.DeclaringSyntaxReferences.Length == 0)
        {
            return;
        }

        SyntaxNode node = implementation.DeclaringSyntaxReferences[0].GetSyntax();
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            node = node.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() ?? node;
        }

        foreach (SyntaxNode descendant in node.DescendantNodes())
        {
            switch (descendant)
            {
                case InvocationExpressionSyntax invocation:
                    // `GetAction()()` has no name: a delegate's Invoke, never a DRM method (its parts are walked anyway).
                    if (NameOf(invocation.Expression) is { } name)
                    {
                        called.Add(name);
                    }

                    break;
                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                case CollectionExpressionSyntax:
                    called.Add("Add");
                    break;
                case InterpolatedStringExpressionSyntax:
                    // A user's interpolated string handler is called through these.
                    called.Add("AppendLiteral");
                    called.Add("AppendFormatted");
                    break;
                case QueryClauseSyntax or SelectOrGroupClauseSyntax or QueryContinuationSyntax:
                    called.UnionWith(QueryMethods);
                    break;
            }
        }
    }

    private static readonly string[] QueryMethods =
    {
        "Select", "SelectMany", "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending",
        "GroupBy", "Join", "GroupJoin", "Cast",
    };

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        ParenthesizedExpressionSyntax parenthesized => NameOf(parenthesized.Expression),
        _ => null,
    };

    /// <summary>The source methods of that name (local functions aside: their callers are read with them).</summary>
    private ImmutableArray<IMethodSymbol> MethodsNamed(string name)
    {
        if (!methodsByName.TryGetValue(name, out ImmutableArray<IMethodSymbol> methods))
        {
            methods = NoSourceMemberNamed(name)
                ? ImmutableArray<IMethodSymbol>.Empty
                : TypesByMemberName().TypesWithMember(name).SelectMany(type => type.GetMembers(name)).OfType<IMethodSymbol>().ToImmutableArray();
            methodsByName.Add(name, methods);
        }

        return methods;
    }

    /// <summary>
    /// Most names asked are the framework's (<c>WriteLine</c>, <c>Add</c>): the compiler's own
    /// declaration table answers "no source member has it" without building anything. After
    /// <see cref="AsksBeforeIndex"/> such walks, one index answers every further name.
    /// </summary>
    private bool NoSourceMemberNamed(string name)
    {
        if (typesByMemberName is not null || asksWithoutIndex >= AsksBeforeIndex)
        {
            return false;
        }

        asksWithoutIndex++;
        return !compilation.ContainsSymbolsWithName(name, SymbolFilter.Member);
    }

    private MemberNameIndex TypesByMemberName() => typesByMemberName ??= MemberNameIndex.Of(compilation.Assembly.GlobalNamespace);
}
