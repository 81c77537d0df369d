using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// The first point on a leaking path where the handle is lost: MSDRM001's first additional location.
/// Its line goes into the message too, because the compiler's SARIF log writes additional locations
/// as <c>relatedLocations</c> without a message of their own.
/// </summary>
internal sealed class LostPoint
{
    internal LostPoint(LostPointKind kind, Location location)
    {
        Kind = kind;
        Location = location;
    }

    internal LostPointKind Kind { get; }

    internal Location Location { get; }

    /// <summary>The 1-based line of the point.</summary>
    internal int Line => Location.GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>The end of MSDRM001's message: "still open at the return on line 27".</summary>
    internal string Explanation => Kind switch
    {
        LostPointKind.Return => $"still open at the return on line {Line}",
        LostPointKind.EndOfMethod => $"still open at the end of the method on line {Line}",
        LostPointKind.LeavesAfter => $"still open when the method returns after line {Line}",
        LostPointKind.Overwritten => $"still open when line {Line} overwrites it",
        LostPointKind.LoopRepeats => $"still open when the loop on line {Line} repeats",
        _ => $"discarded on line {Line}",
    };

    /// <summary>
    /// The explanation: MSDRM001 passes the point itself as the message argument, so the line is
    /// looked up when the message is read. Building a file's line map is the costliest step of a
    /// report, and whoever reads the message (a build's output, the IDE) needs that map anyway for
    /// the diagnostic's own position.
    /// </summary>
    public override string ToString() => Explanation;

    /// <summary>What the location itself shows ("still open at this return").</summary>
    internal string Here => Kind switch
    {
        LostPointKind.Return => "still open at this return",
        LostPointKind.EndOfMethod => "still open at the end of the method",
        LostPointKind.LeavesAfter => "still open when the method returns after this",
        LostPointKind.Overwritten => "overwritten here while still open",
        LostPointKind.LoopRepeats => "still open when this loop repeats",
        _ => "discarded here",
    };
}
