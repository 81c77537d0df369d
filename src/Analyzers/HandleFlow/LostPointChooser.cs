using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Picks, for a leaked creation, the lost point a user looks at first: the one nearest the creation
/// along the graph's edges (fewest blocks; a point the creation reaches only by going round a loop
/// counts the loop), ties broken by source position. The choice depends on the code only, never on
/// the order the solver ran in.
/// </summary>
internal sealed class LostPointChooser
{
    private readonly ControlFlowGraph graph;
    private readonly Dictionary<int, int[]> distancesFrom = new();

    internal LostPointChooser(ControlFlowGraph graph) => this.graph = graph;

    /// <summary>The nearest of <paramref name="candidates"/> (all of <paramref name="site"/>), null when none can be placed in the source.</summary>
    internal LostPoint? Choose(CreationSite site, List<LostCandidate> candidates)
    {
        int[] distance = Distances(site.Block);
        LostPoint? best = null;
        long bestDistance = long.MaxValue;
        foreach (LostCandidate candidate in candidates)
        {
            if (Resolve(site, candidate) is not { } point)
            {
                continue;
            }

            long length = candidate.Exit is null && candidate.Block == site.Block && point.Location.SourceSpan.Start <= site.Invocation.Syntax.SpanStart
                ? RoundTrip(site.Block, distance)
                : distance[candidate.Block];
            if (best is null || length < bestDistance
                || (length == bestDistance && (point.Location.SourceSpan.Start, (int)point.Kind).CompareTo((best.Location.SourceSpan.Start, (int)best.Kind)) < 0))
            {
                best = point;
                bestDistance = length;
            }
        }

        return best;
    }

    private LostPoint? Resolve(CreationSite site, LostCandidate candidate)
    {
        if (candidate.Exit is { } exit)
        {
            return ExitStatements.Find(graph.Blocks[candidate.Block], exit) switch
            {
                ({ } location, ExitStatements.Kind.Return) => new LostPoint(LostPointKind.Return, location),
                ({ } location, ExitStatements.Kind.EndOfBody) => new LostPoint(LostPointKind.EndOfMethod, location),
                ({ } location, _) => new LostPoint(LostPointKind.LeavesAfter, location),
                null => null,
            };
        }

        SyntaxNode node = candidate.Node!;
        if (candidate.Kind == LostPointKind.Overwritten && site.Invocation is not null && node.Span.Contains(site.Invocation.Syntax.Span))
        {
            // The creating call itself overwrites its last handle: the loop around it went round.
            return LoopKeyword(site.Invocation.Syntax) is { } loop
                ? new LostPoint(LostPointKind.LoopRepeats, loop.GetLocation())
                : new LostPoint(LostPointKind.Overwritten, node.GetLocation());
        }

        return new LostPoint(candidate.Kind, node.GetLocation());
    }

    /// <summary>The keyword of the innermost loop statement around <paramref name="node"/> in its own body.</summary>
    private static SyntaxToken? LoopKeyword(SyntaxNode node)
    {
        for (SyntaxNode? current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case WhileStatementSyntax loop:
                    return loop.WhileKeyword;
                case DoStatementSyntax loop:
                    return loop.DoKeyword;
                case ForStatementSyntax loop:
                    return loop.ForKeyword;
                case CommonForEachStatementSyntax loop:
                    return loop.ForEachKeyword;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Blocks from <paramref name="start"/> back to itself: the shortest cycle through it.</summary>
    private long RoundTrip(int start, int[] distance)
    {
        long shortest = long.MaxValue;
        foreach (ControlFlowBranch incoming in graph.Blocks[start].Predecessors)
        {
            if (distance[incoming.Source.Ordinal] != int.MaxValue)
            {
                shortest = System.Math.Min(shortest, distance[incoming.Source.Ordinal] + 1L);
            }
        }

        return shortest;
    }

    /// <summary>Fewest edges from <paramref name="start"/> to each block (breadth first; a finally region counts as a detour).</summary>
    private int[] Distances(int start)
    {
        if (distancesFrom.TryGetValue(start, out int[]? known))
        {
            return known;
        }

        var distance = new int[graph.Blocks.Length];
        for (int i = 0; i < distance.Length; i++)
        {
            distance[i] = int.MaxValue;
        }

        var queue = new Queue<int>();
        distance[start] = 0;
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            int ordinal = queue.Dequeue();
            BasicBlock block = graph.Blocks[ordinal];
            Visit(block.FallThroughSuccessor, distance[ordinal] + 1);
            Visit(block.ConditionalSuccessor, distance[ordinal] + 1);
        }

        distancesFrom.Add(start, distance);
        return distance;

        void Visit(ControlFlowBranch? branch, int length)
        {
            if (branch is null)
            {
                return;
            }

            foreach (ControlFlowRegion region in branch.FinallyRegions)
            {
                Reach(region.FirstBlockOrdinal, length);
            }

            if (branch.Destination is { } destination)
            {
                Reach(destination.Ordinal, length);
            }
        }

        void Reach(int ordinal, int length)
        {
            if (distance[ordinal] == int.MaxValue)
            {
                distance[ordinal] = length;
                queue.Enqueue(ordinal);
            }
        }
    }
}
