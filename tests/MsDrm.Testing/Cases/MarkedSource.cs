namespace MsDrm.Testing.Cases;

/// <summary>A case source with its markup read out.</summary>
/// <param name="Source">The compilable text.</param>
/// <param name="Diagnostics">Expected diagnostics (id and span), in source order.</param>
/// <param name="AdditionalLocations">Expected additional locations of the new rule's diagnostic, #1 first.</param>
public sealed record MarkedSource(string Source, IReadOnlyList<MarkedSpan> Diagnostics, IReadOnlyList<MarkedSpan> AdditionalLocations)
{
    /// <summary>The text a span covers.</summary>
    public string TextOf(MarkedSpan span) => Source.Substring(span.Span.Start, span.Span.Length);
}
