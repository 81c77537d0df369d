using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MsDrm.Analyzers.FlowInfrastructure;

/// <summary>
/// How try/catch/finally show up in a control flow graph, for every analysis on it: the finally or
/// filter a block ends, where flow goes on after a finally, which handlers guard a block.
/// </summary>
internal static class ControlFlowRegions
{
    /// <summary>Entry blocks of catch and filter handlers that are not inside a finally region.</summary>
    internal static List<int> HandlerEntries(ControlFlowRegion root)
    {
        var entries = new List<int>();
        var pending = new Stack<ControlFlowRegion>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            foreach (ControlFlowRegion nested in pending.Pop().NestedRegions)
            {
                if (nested.Kind == ControlFlowRegionKind.Finally)
                {
                    continue;
                }

                if (nested.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter)
                {
                    entries.Add(nested.FirstBlockOrdinal);
                }

                pending.Push(nested);
            }
        }

        entries.Sort();
        return entries;
    }

    /// <summary>The finally or filter region a block ends, or the block's own region when there is none.</summary>
    internal static ControlFlowRegion HandlerRegion(ControlFlowRegion region)
    {
        for (ControlFlowRegion? current = region; current is not null; current = current.EnclosingRegion)
        {
            if (current.Kind is ControlFlowRegionKind.Finally or ControlFlowRegionKind.Filter)
            {
                return current;
            }
        }

        return region;
    }

    /// <summary>The first block after the try/finally statement whose finally <paramref name="block"/> ends.</summary>
    internal static BasicBlock? AfterTryFinally(ControlFlowGraph graph, BasicBlock block)
    {
        ControlFlowRegion handler = HandlerRegion(block.EnclosingRegion);
        if (handler.Kind != ControlFlowRegionKind.Finally || handler.EnclosingRegion is not { } tryAndFinally)
        {
            return null;
        }

        int next = tryAndFinally.LastBlockOrdinal + 1;
        return next < graph.Blocks.Length ? graph.Blocks[next] : null;
    }

    /// <summary>The catch and filter regions that handle exceptions thrown in <paramref name="block"/>.</summary>
    internal static IEnumerable<ControlFlowRegion> HandlersGuarding(BasicBlock block)
    {
        for (ControlFlowRegion? region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
        {
            if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { Kind: ControlFlowRegionKind.TryAndCatch } tryAndCatch)
            {
                continue;
            }

            foreach (ControlFlowRegion handler in tryAndCatch.NestedRegions)
            {
                if (handler != region)
                {
                    yield return handler;
                }
            }
        }
    }

    /// <summary>True when <paramref name="local"/> belongs to <paramref name="region"/> or a region inside it.</summary>
    internal static bool IsDeclaredWithin(ControlFlowRegion region, ILocalSymbol local)
    {
        foreach (ILocalSymbol declared in region.Locals)
        {
            if (SymbolEqualityComparer.Default.Equals(declared, local))
            {
                return true;
            }
        }

        foreach (ControlFlowRegion nested in region.NestedRegions)
        {
            if (IsDeclaredWithin(nested, local))
            {
                return true;
            }
        }

        return false;
    }
}
