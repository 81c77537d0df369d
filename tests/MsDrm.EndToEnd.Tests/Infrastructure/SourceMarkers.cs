namespace MsDrm.EndToEnd.Tests.Infrastructure;

/// <summary>Finds the 1-based line of a marker comment in a source text.</summary>
public static class SourceMarkers
{
    /// <summary>The line that contains <paramref name="marker"/>; it must occur exactly once.</summary>
    public static int LineOf(string source, string marker)
    {
        string[] lines = source.ReplaceLineEndings("\n").Split('\n');
        int[] hits = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(marker, StringComparison.Ordinal)).ToArray();
        if (hits.Length != 1)
        {
            throw new ArgumentException($"marker '{marker}' occurs {hits.Length} times", nameof(marker));
        }

        return hits[0] + 1;
    }
}
