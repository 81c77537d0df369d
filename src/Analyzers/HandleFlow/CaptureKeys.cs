using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Flow-capture ids as keys of the flow state. The state is keyed by object, and a graph reads its
/// captures at every turn: boxing each read allocated more than the rest of the transfer. Equal ids
/// share one box (ids are small numbers, equal by value, so the table stays as large as the largest
/// graph's count of captures).
/// </summary>
internal static class CaptureKeys
{
    private static readonly ConcurrentDictionary<CaptureId, object> Boxes = new();

    internal static object Of(CaptureId id)
        => Boxes.TryGetValue(id, out object? box) ? box : Boxes.GetOrAdd(id, id);
}
