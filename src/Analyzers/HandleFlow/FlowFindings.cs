using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// What the reporting pass learns about the creation sites of one graph: which leak, the variable
/// each was first stored in (by source position, so never by worklist order), and which are tested
/// for success. Only the reporting pass writes here; the fixpoint passes never do.
/// </summary>
internal sealed class FlowFindings
{
    private readonly HashSet<int> leaked = new();
    private readonly Dictionary<int, (int Position, string Name)> names = new();
    private readonly HashSet<int> successConditional = new();
    private readonly Dictionary<int, SyntaxNode> successTests = new();
    private readonly List<LostCandidate> lostCandidates = new();
    private readonly Dictionary<IArgumentOperation, (int Kinds, HandleKind Closed)> kindsAtClose = new();

    /// <summary>Closed handles used again, parents closed before their children (MSDRM003, MSDRM005).</summary>
    internal LifetimeFindings Lifetime { get; } = new();

    internal void Leak(int id) => leaked.Add(id);

    /// <summary>The block the reporting pass is in (where an overwrite or discard happens).</summary>
    internal int CurrentBlock { get; set; }

    /// <summary>The handle is lost at <paramref name="node"/> (overwritten or discarded): a leak, and a candidate for its explanation.</summary>
    internal void Lose(int id, LostPointKind kind, SyntaxNode node)
    {
        leaked.Add(id);
        if (Summary is null)
        {
            lostCandidates.Add(new LostCandidate(id, CurrentBlock, kind, node, null));
        }
    }

    /// <summary><paramref name="branch"/> enters the exit block with <paramref name="live"/> open: candidates for their explanations.</summary>
    internal void OpenAtExit(IEnumerable<int> live, ControlFlowBranch branch)
    {
        if (Summary is null)
        {
            foreach (int id in live)
            {
                lostCandidates.Add(new LostCandidate(id, branch.Source.Ordinal, LostPointKind.Return, null, branch));
            }
        }
    }

    /// <summary>The variable that names a creation, null when it has none.</summary>
    internal string? NameOf(int id) => names.TryGetValue(id, out var name) ? name.Name : null;

    /// <summary>True when the handle was lost (overwritten, or open at the exit) on some path.</summary>
    internal bool IsLeaked(int id) => leaked.Contains(id);

    /// <summary>Set when the flow runs to summarise a method for its callers; null for a rule's analysis.</summary>
    internal Summaries.SummaryObservations? Summary { get; set; }

    /// <summary>A variable received the handle; the one earliest in the source names it.</summary>
    internal void NameSite(int id, string name, int position)
    {
        if (!names.TryGetValue(id, out var known) || position < known.Position)
        {
            names[id] = (position, name);
        }
    }

    /// <summary>The variable <paramref name="target"/> (a local or parameter) received the handles <paramref name="ids"/>.</summary>
    internal void NameSites(int[] ids, IOperation target)
    {
        string? name = target switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            _ => null,
        };
        if (name is null)
        {
            return;
        }

        foreach (int id in ids)
        {
            NameSite(id, name, target.Syntax.SpanStart);
        }
    }

    /// <summary>A test of the creating call's HRESULT (or a ThrowIfFailed on it) was seen; the earliest in the source is shown.</summary>
    internal void MarkSuccessConditional(int id, SyntaxNode test)
    {
        successConditional.Add(id);
        if (!successTests.TryGetValue(id, out SyntaxNode? known) || test.SpanStart < known.SpanStart)
        {
            successTests[id] = test;
        }
    }

    /// <summary>
    /// A raw handle reaches an argument that closes <paramref name="closedKind"/> (a close function's
    /// parameter): remember the handle's kind. The kinds seen on every visit are united, so the verdict
    /// never depends on visiting order.
    /// </summary>
    internal void PassedToClose(IArgumentOperation argument, CreationSite site, HandleKind? closedKind)
    {
        if (closedKind is HandleKind closed && !site.IsWrapper && site.Parameter is null)
        {
            kindsAtClose.TryGetValue(argument, out var known);
            kindsAtClose[argument] = (known.Kinds | HandleKindMask.Of(site.Kind), closed);
        }
    }

    /// <summary>Close arguments that hold handles of exactly one kind, another than the call closes (MSDRM004).</summary>
    internal void AddWrongClosesTo(ImmutableArray<WrongClose>.Builder wrongCloses)
    {
        foreach (var pair in kindsAtClose)
        {
            IArgumentOperation argument = pair.Key;
            if (HandleKindMask.Single(pair.Value.Kinds) is HandleKind held && held != pair.Value.Closed
                && argument.Parent is IInvocationOperation call)
            {
                wrongCloses.Add(new WrongClose(call, argument, held, pair.Value.Closed));
            }
        }
    }

    internal void AddLeaksTo(ControlFlowGraph graph, CreationSiteTable sites, ImmutableArray<LeakedHandle>.Builder leaks)
    {
        if (leaked.Count == 0)
        {
            return;
        }

        var chooser = new LostPointChooser(graph);
        var candidatesById = new Dictionary<int, List<LostCandidate>>();
        foreach (LostCandidate candidate in lostCandidates)
        {
            if (leaked.Contains(candidate.Id))
            {
                if (!candidatesById.TryGetValue(candidate.Id, out List<LostCandidate>? list))
                {
                    candidatesById.Add(candidate.Id, list = new List<LostCandidate>());
                }

                list.Add(candidate);
            }
        }

        foreach (CreationSite site in leaked.Select(id => sites[id]).OrderBy(site => site.Invocation.Syntax.SpanStart).ThenBy(site => site.ParameterOrdinal))
        {
            string? variable = names.TryGetValue(site.Id, out var name) ? name.Name : null;
            LostPoint? lost = candidatesById.TryGetValue(site.Id, out List<LostCandidate>? candidates) ? chooser.Choose(site, candidates) : null;
            Location? successTest = successTests.TryGetValue(site.Id, out SyntaxNode? test) ? test.GetLocation() : null;
            leaks.Add(new LeakedHandle(site, variable, successConditional.Contains(site.Id), lost, successTest));
        }
    }
}
