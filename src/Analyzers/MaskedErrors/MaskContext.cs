using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.FlowInfrastructure;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.Analyzers.MaskedErrors;

/// <summary>
/// What the analysis of one graph reads: which locals receive a close result (only those are tracked),
/// which flow captures copy one of them, and where the findings go. Findings are only ever added, and
/// the transfer is monotone in the state, so what is recorded does not depend on the visiting order.
/// </summary>
internal sealed class MaskContext
{
    private readonly HashSet<ILocalSymbol> tracked;
    private readonly Dictionary<CaptureId, ILocalSymbol?> aliases;
    private readonly Dictionary<ISimpleAssignmentOperation, HashSet<SyntaxNode>> found = new();

    private MaskContext(DrmCallRecognizer recognizer, HashSet<ILocalSymbol> tracked, Dictionary<CaptureId, ILocalSymbol?> aliases, CancellationToken cancellationToken)
    {
        Recognizer = recognizer;
        this.tracked = tracked;
        this.aliases = aliases;
        CancellationToken = cancellationToken;
    }

    internal DrmCallRecognizer Recognizer { get; }

    internal CancellationToken CancellationToken { get; }

    /// <summary>The context of a graph, or null when no local of it receives a close function's result.</summary>
    internal static MaskContext? For(ControlFlowGraph graph, DrmCallRecognizer recognizer, VariableSharing sharing, CancellationToken cancellationToken)
    {
        var tracked = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var captures = new List<IFlowCaptureOperation>();
        foreach (BasicBlock block in graph.Blocks)
        {
            foreach (IOperation tree in FunctionGraphs.OperationsOf(block))
            {
                foreach (IOperation operation in tree.DescendantsAndSelf())
                {
                    if (operation is ISimpleAssignmentOperation { IsRef: false, Target: ILocalReferenceOperation { Local: { RefKind: RefKind.None } local } } assignment
                        && !sharing.IsUntrackable(local) && !sharing.IsRefExposed(local)
                        && IsCleanup(recognizer, assignment.Value))
                    {
                        tracked.Add(local);
                    }
                    else if (operation is IFlowCaptureOperation capture)
                    {
                        captures.Add(capture);
                    }
                }
            }
        }

        if (tracked.Count == 0)
        {
            return null;
        }

        // A capture aliases a local when every definition of it copies that same local.
        var aliases = new Dictionary<CaptureId, ILocalSymbol?>();
        foreach (IFlowCaptureOperation capture in captures)
        {
            ILocalSymbol? copied = OperationShapes.StripConversions(capture.Value) is ILocalReferenceOperation { Local: var local } && tracked.Contains(local) ? local : null;
            aliases[capture.Id] = aliases.TryGetValue(capture.Id, out ILocalSymbol? known) && !SymbolEqualityComparer.Default.Equals(known, copied) ? null : copied;
        }

        return new MaskContext(recognizer, tracked, aliases, cancellationToken);
    }

    /// <summary>
    /// Cleanup: a close function. The one place that says so, for the analyzer's pre-filter too; with
    /// the summaries (issue 12) a user method that forwards only close results joins it
    /// (<c>|| method.Summary is { ForwardsOnlyCloses: true }</c>).
    /// </summary>
    internal static bool IsCleanupMethod(RecognizedMethod method) => method.Function is { IsClose: true } || method.Summary is { ForwardsOnlyCloses: true };

    /// <summary>
    /// The close function (or closing method) whose result <paramref name="value"/> is; null otherwise.
    /// A chained assignment (<c>hr = rc = DRMCloseSession(h)</c>) passes the close result on.
    /// </summary>
    internal static IInvocationOperation? CleanupCall(DrmCallRecognizer recognizer, IOperation value)
    {
        IOperation result = OperationShapes.StripConversions(value);
        while (result is ISimpleAssignmentOperation { IsRef: false } chained)
        {
            result = OperationShapes.StripConversions(chained.Value);
        }

        return result is IInvocationOperation call && IsCleanupMethod(recognizer.Recognize(call.TargetMethod)) ? call : null;
    }

    internal static bool IsCleanup(DrmCallRecognizer recognizer, IOperation value) => CleanupCall(recognizer, value) is not null;

    /// <summary>The tracked local an assignment target or a read stands for, or null.</summary>
    internal ILocalSymbol? TrackedLocal(IOperation operation)
        => OperationShapes.StripConversions(operation) is ILocalReferenceOperation { Local: var local } && tracked.Contains(local) ? local : null;

    /// <summary>The slot a read stands for: a tracked local, or a capture that copied one.</summary>
    internal object? SlotOf(IOperation operation) => OperationShapes.StripConversions(operation) switch
    {
        ILocalReferenceOperation { Local: var local } when tracked.Contains(local) => local,
        IFlowCaptureReferenceOperation { Id: var id } when aliases.TryGetValue(id, out ILocalSymbol? local) && local is not null => id,
        _ => null,
    };

    /// <summary>The local a slot copies (itself for a local).</summary>
    internal ILocalSymbol? LocalOf(object slot) => slot switch
    {
        ILocalSymbol local => local,
        CaptureId id when aliases.TryGetValue(id, out ILocalSymbol? local) => local,
        _ => null,
    };

    /// <summary>A masked failure reaches a return or a ThrowIfFailed.</summary>
    internal void Record(MaskFact masked)
    {
        if (!found.TryGetValue(masked.Overwrite!, out HashSet<SyntaxNode>? failures))
        {
            found.Add(masked.Overwrite!, failures = new HashSet<SyntaxNode>());
        }

        failures.Add(masked.Failure!);
    }

    internal void AddFindingsTo(ImmutableArray<MaskedError>.Builder errors)
    {
        foreach (var pair in found)
        {
            ISimpleAssignmentOperation assignment = pair.Key;
            IInvocationOperation? close = CleanupCall(Recognizer, assignment.Value);
            string function = close is null ? string.Empty : DrmCallRecognizer.DisplayName(Recognizer.GetFunction(close.TargetMethod), close.TargetMethod);
            string local = TrackedLocal(assignment.Target)?.Name ?? string.Empty;
            errors.Add(new MaskedError(assignment.Syntax, local, function, pair.Value.OrderBy(node => node.SpanStart).ToImmutableArray()));
        }
    }
}
