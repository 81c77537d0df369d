using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.FlowInfrastructure;
using MsDrm.Analyzers.HandleFlow;
using MsDrm.Analyzers.HresultFlow;
using MsDrm.Analyzers.MaskedErrors;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// The facts of one executable body that every rule shares, computed once by whichever rule asks
/// first: the variable sharing (captures, ref aliases) and the handle flow's findings. A path rule
/// reads <see cref="GetHandleFlow"/>; it never runs a flow of its own.
/// </summary>
/// <remarks>Kept per body operation tree (the driver hands every analyzer the same tree), and dropped with it.</remarks>
internal sealed class DrmBody
{
    private static readonly ConditionalWeakTable<IOperation, DrmBody> ByRoot = new();

    private readonly object gate = new();
    private readonly DrmCallRecognizer recognizer;
    private VariableSharing? sharing;
    private HandleFlowResult? handleFlow;
    private Dictionary<SyntaxNode, ImmutableArray<LeakedHandle>>? leaksByCall;
    private ImmutableArray<MaskedError>? maskedErrors;
    private InvocationPositions? invocationPositions;
    private int failed;

    private DrmBody(IOperation root, DrmCallRecognizer recognizer)
    {
        Root = root;
        this.recognizer = recognizer;
    }

    /// <summary>The API model of the body's compilation.</summary>
    internal DrmCallRecognizer Recognizer => recognizer;

    /// <summary>The root of the body's operation tree (a method body, constructor body, or block).</summary>
    internal IOperation Root { get; }

    /// <summary>True once a rule failed on this body: every rule then skips it (see the error policy in <see cref="DrmRuleAnalyzer"/>).</summary>
    internal bool HasFailed => Volatile.Read(ref failed) != 0;

    internal static DrmBody For(IOperation root, DrmCallRecognizer recognizer)
    {
        // Asked once per relevant call by every rule: look up first, so a hit allocates no callback.
        if (ByRoot.TryGetValue(root, out DrmBody? body))
        {
            return body;
        }

        return ByRoot.GetValue(root, r => new DrmBody(r, recognizer));
    }

    internal void MarkFailed() => Volatile.Write(ref failed, 1);

    /// <summary>
    /// Captured variables, ref aliases and ref exposure of the body (one walk, on first use). The
    /// lock is re-entrant: the methods below read it under theirs.
    /// </summary>
    internal VariableSharing Sharing
    {
        get
        {
            lock (gate)
            {
                return sharing ??= VariableSharing.Of(Root);
            }
        }
    }

    /// <summary>
    /// The handle flow's findings for the body and every function nested in it, computed on first
    /// use from the body's graph. Null for a body that is not executable (a field initialiser:
    /// whatever it creates is stored in a member).
    /// </summary>
    /// <remarks>
    /// Takes the context itself: a delegate to its <c>GetControlFlowGraph</c> boxed the context on
    /// every relevant call, though only the first call of a body needs the graph.
    /// </remarks>
    internal HandleFlowResult? GetHandleFlow(in OperationAnalysisContext context)
    {
        if (!OperationRoots.IsExecutableBody(Root))
        {
            return null;
        }

        lock (gate)
        {
            if (handleFlow is null)
            {
                handleFlow = HandleFlowAnalysis.Analyze(context.GetControlFlowGraph(), recognizer, Sharing, context.CancellationToken);
            }

            return handleFlow;
        }
    }

    /// <summary>
    /// MSDRM006's findings for the body and its nested functions: close results assigned over a failed
    /// HRESULT and then returned or thrown (computed on first use; empty for a non-executable body).
    /// </summary>
    internal ImmutableArray<MaskedError> GetMaskedErrors(in OperationAnalysisContext context)
    {
        if (!OperationRoots.IsExecutableBody(Root))
        {
            return ImmutableArray<MaskedError>.Empty;
        }

        lock (gate)
        {
            maskedErrors ??= MaskedErrorAnalysis.Analyze(context.GetControlFlowGraph(), recognizer, Sharing, context.CancellationToken);
            return maskedErrors.Value;
        }
    }

    /// <summary>Where <paramref name="call"/> sits in the body's graphs (<paramref name="graph"/> is the body's own); false when it is in none.</summary>
    internal bool TryFindPosition(ControlFlowGraph graph, SyntaxNode call, CancellationToken cancellationToken, out FlowPosition position)
    {
        InvocationPositions positions;
        lock (gate)
        {
            positions = invocationPositions ??= InvocationPositions.Of(graph, Sharing, cancellationToken);
        }

        return positions.TryFind(call, out position);
    }

    /// <summary>The leaks whose creating call is <paramref name="call"/>, in parameter order.</summary>
    internal ImmutableArray<LeakedHandle> LeaksCreatedBy(SyntaxNode call, in OperationAnalysisContext context)
    {
        if (GetHandleFlow(context) is not { Leaks.Length: > 0 } result)
        {
            return ImmutableArray<LeakedHandle>.Empty;
        }

        lock (gate)
        {
            if (leaksByCall is null)
            {
                var byCall = new Dictionary<SyntaxNode, ImmutableArray<LeakedHandle>.Builder>();
                foreach (LeakedHandle leak in result.Leaks)
                {
                    if (!byCall.TryGetValue(leak.Invocation.Syntax, out var leaks))
                    {
                        byCall.Add(leak.Invocation.Syntax, leaks = ImmutableArray.CreateBuilder<LeakedHandle>());
                    }

                    leaks.Add(leak);
                }

                leaksByCall = new Dictionary<SyntaxNode, ImmutableArray<LeakedHandle>>();
                foreach (var pair in byCall)
                {
                    leaksByCall.Add(pair.Key, pair.Value.ToImmutable());
                }
            }

            return leaksByCall.TryGetValue(call, out ImmutableArray<LeakedHandle> found) ? found : ImmutableArray<LeakedHandle>.Empty;
        }
    }
}
