using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers;

/// <summary>
/// A diagnostic's additional locations, each with what it shows ("still open at this return").
/// The compiler's SARIF log writes additional locations as <c>relatedLocations</c> without a message,
/// so each message also goes into the diagnostic's properties (SARIF <c>customProperties</c>) under
/// <see cref="DiagnosticProperties.RelatedLocation"/> and the location's index.
/// </summary>
internal sealed class RelatedLocations
{
    private readonly List<Location> locations = new();
    private readonly List<string> messages = new();

    /// <summary>The locations, in order (the diagnostic's additional locations).</summary>
    internal IReadOnlyList<Location> Locations => locations;

    /// <summary>Adds a location in source with what it shows; a missing one is skipped.</summary>
    internal RelatedLocations Add(Location? location, string message)
    {
        if (location is { IsInSource: true })
        {
            locations.Add(location);
            messages.Add(message);
        }

        return this;
    }

    /// <summary><paramref name="properties"/> with one entry per location: <c>RelatedLocation0</c> = its message.</summary>
    internal ImmutableDictionary<string, string?> AddTo(ImmutableDictionary<string, string?> properties)
    {
        for (int i = 0; i < messages.Count; i++)
        {
            properties = properties.SetItem(DiagnosticProperties.RelatedLocation + i.ToString(CultureInfo.InvariantCulture), messages[i]);
        }

        return properties;
    }

    /// <summary>The 1-based line of <paramref name="location"/>, for messages.</summary>
    internal static int LineOf(Location location) => location.GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>"line 12", or "lines 12 and 14" for several distinct lines, in order.</summary>
    internal static string LinesOf(IEnumerable<Location> locations)
    {
        var lines = new SortedSet<int>();
        foreach (Location location in locations)
        {
            lines.Add(LineOf(location));
        }

        var text = new List<string>();
        foreach (int line in lines)
        {
            text.Add(line.ToString(CultureInfo.InvariantCulture));
        }

        return text.Count switch
        {
            0 => "an earlier line",
            1 => "line " + text[0],
            _ => "lines " + string.Join(", ", text.GetRange(0, text.Count - 1)) + " and " + text[text.Count - 1],
        };
    }
}
