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

    internal HandleFlowContext(DrmCallRecognizer recognizer, ISet<ISymbol> captured, CancellationToken cancellationToken)
    {
        Recognizer = recognizer;
        Captured = captured;
        CancellationToken = cancellationToken;
    }

    internal DrmCallRecognizer Recognizer { get; }

    /// <summary>Locals and parameters referenced inside a lambda or local function: they escape.</summary>
    internal ISet<ISymbol> Captured { get; }

    internal CancellationToken CancellationToken { get; }

    internal CreationSite Site(int id) => sites[id];

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
