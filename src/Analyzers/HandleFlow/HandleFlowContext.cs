using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// What one analysis run shares across its graphs: the API model, the variables captured by
/// nested functions, the creation sites met so far and the leaks found.
/// </summary>
internal sealed class HandleFlowContext
{
    private readonly Dictionary<(IInvocationOperation Invocation, int Ordinal), CreationSite> sitesByKey = new();
    private readonly List<CreationSite> sites = new();
    private readonly HashSet<int> leaked = new();
    private INamedTypeSymbol? handlerAttribute;

    internal HandleFlowContext(DrmCallRecognizer recognizer, ISet<ISymbol> captured, RefAliases aliases, CancellationToken cancellationToken)
    {
        Recognizer = recognizer;
        Captured = captured;
        Aliases = aliases;
        CancellationToken = cancellationToken;
    }

    internal DrmCallRecognizer Recognizer { get; }

    /// <summary>Locals and parameters referenced inside a lambda or local function: they escape.</summary>
    internal ISet<ISymbol> Captured { get; }

    /// <summary>The compilation of the analysed body (null only for operations without a semantic model).</summary>
    internal Compilation? Compilation { get; set; }

    /// <summary>Ref locals bound to a plain variable, resolved to it.</summary>
    internal RefAliases Aliases { get; }

    internal CancellationToken CancellationToken { get; }

    /// <summary>The numbering of the flow state's keys, shared by every state of this run.</summary>
    internal FlowKeys Keys { get; } = new();

    internal CreationSite Site(int id) => sites[id];

    /// <summary>
    /// True for a type marked [InterpolatedStringHandler]: the graph lowers <c>$"{h}"</c> passed to
    /// such a parameter into its AppendFormatted calls, which only format their argument.
    /// </summary>
    internal bool IsInterpolatedStringHandler(INamedTypeSymbol? type, Compilation? compilation)
    {
        // Operations the graph synthesises have no semantic model; the body's root has one.
        if (type is null || compilation is null)
        {
            return false;
        }

        handlerAttribute ??= compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.InterpolatedStringHandlerAttribute");
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (handlerAttribute is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, handlerAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The stable site of a creating argument (or returned wrapper, ordinal -1) of an invocation.</summary>
    internal CreationSite GetSite(IInvocationOperation invocation, int ordinal, HandleKind kind, bool isWrapper, string function)
    {
        if (!sitesByKey.TryGetValue((invocation, ordinal), out CreationSite? site))
        {
            site = new CreationSite(sites.Count, invocation, ordinal, kind, isWrapper, function);
            sites.Add(site);
            sitesByKey.Add((invocation, ordinal), site);
        }

        return site;
    }

    internal void ReportLeak(int id) => leaked.Add(id);

    internal HandleFlowResult ToResult()
    {
        if (leaked.Count == 0)
        {
            return HandleFlowResult.Empty;
        }

        return new HandleFlowResult(leaked
            .Select(id => sites[id])
            .OrderBy(site => site.Invocation.Syntax.SpanStart)
            .ThenBy(site => site.ParameterOrdinal)
            .Select(site => new LeakedHandle(site))
            .ToImmutableArray());
    }
}
