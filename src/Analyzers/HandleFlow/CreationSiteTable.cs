using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.FlowInfrastructure;
using MsDrm.Analyzers.Summaries;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Every creation site of one control flow graph, found before solving by one walk over its blocks,
/// so the sites (and their ids) never depend on the order the solver visits blocks in.
/// </summary>
internal sealed class CreationSiteTable
{
    private readonly Dictionary<(IInvocationOperation Invocation, int Ordinal), CreationSite> byKey = new();
    private readonly List<CreationSite> sites = new();

    private CreationSiteTable(int blockCount)
    {
        CreatingBlocks = new bool[blockCount];
        ClosingBlocks = new bool[blockCount];
    }

    /// <summary>Per block ordinal: true when the block holds a creating call (only those can change an empty state).</summary>
    internal bool[] CreatingBlocks { get; }

    /// <summary>Per block ordinal: true when the block calls a close function (it can close a value no creation holds, MSDRM003).</summary>
    internal bool[] ClosingBlocks { get; }

    /// <summary>True when some block calls a close function: a graph without creations still needs the flow then.</summary>
    internal bool HasCloses { get; private set; }

    internal int Count => sites.Count;

    /// <summary>The handles a summarised method's parameters hold at its entry (empty for a rule's analysis).</summary>
    internal List<CreationSite> ParameterSites { get; } = new();

    internal CreationSite this[int id] => sites[id];

    internal static CreationSiteTable Collect(ControlFlowGraph graph, DrmCallRecognizer recognizer)
    {
        var table = new CreationSiteTable(graph.Blocks.Length);
        foreach (BasicBlock block in graph.Blocks)
        {
            foreach (IOperation tree in FunctionGraphs.OperationsOf(block))
            {
                foreach (IOperation operation in tree.DescendantsAndSelf())
                {
                    if (operation is not IInvocationOperation invocation)
                    {
                        continue;
                    }

                    RecognizedMethod method = recognizer.Recognize(invocation.TargetMethod);
                    if (method.CanCreateHandle)
                    {
                        table.CreatingBlocks[block.Ordinal] = true;
                        table.Add(recognizer, block.Ordinal, invocation, method);
                    }
                    else if (method.Function is { IsClose: true })
                    {
                        table.ClosingBlocks[block.Ordinal] = table.HasCloses = true;
                    }
                }
            }
        }

        return table;
    }

    /// <summary>Adds a handle that <paramref name="parameter"/> holds at the entry (summaries only).</summary>
    internal void AddParameterSite(IParameterSymbol parameter, HandleKind? wrapperKind)
    {
        var site = new CreationSite(sites.Count, parameter, wrapperKind);
        sites.Add(site);
        ParameterSites.Add(site);
    }

    /// <summary>The site of a creating argument (or returned wrapper, ordinal -1); null when the walk did not see it.</summary>
    internal CreationSite? Find(IInvocationOperation invocation, int ordinal)
        => byKey.TryGetValue((invocation, ordinal), out CreationSite? site) ? site : null;

    private void Add(DrmCallRecognizer recognizer, int block, IInvocationOperation invocation, RecognizedMethod method)
    {
        string name = DrmCallRecognizer.DisplayName(method.Function, invocation.TargetMethod);
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (recognizer.TryGetCreatedHandle(method, argument, out HandleKind kind, out bool isWrapper))
            {
                SummaryCreation? via = method.Summary?.CreationAt(argument.Parameter!.Ordinal);
                AddSite(block, invocation, argument.Parameter!.Ordinal, kind, isWrapper, via?.Function ?? name, via);
            }
        }

        if (method.Function is null && method.ReturnedWrapper is HandleKind returned)
        {
            AddSite(block, invocation, -1, returned, isWrapper: true, name);
        }
        else if (method.Summary?.CreationAt(-1) is { } returnedByHelper)
        {
            AddSite(block, invocation, -1, returnedByHelper.Kind, returnedByHelper.IsWrapper, returnedByHelper.Function, returnedByHelper);
        }
    }

    private void AddSite(int block, IInvocationOperation invocation, int ordinal, HandleKind kind, bool isWrapper, string function, SummaryCreation? via = null)
    {
        if (!byKey.ContainsKey((invocation, ordinal)))
        {
            var site = new CreationSite(sites.Count, block, invocation, ordinal, kind, isWrapper, function, via);
            sites.Add(site);
            byKey.Add((invocation, ordinal), site);
        }
    }
}
