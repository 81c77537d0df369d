using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace MsDrm.Testing.Cases;

/// <summary>
/// Reads the markup of a case source: <c>{|MSDRM00n:...|}</c> marks a diagnostic's span (the
/// Microsoft.CodeAnalysis.Testing form) and <c>{|#1:...|}</c>, <c>{|#2:...|}</c> mark, in order, the
/// additional locations DESIGN.md names for the case's one new-rule diagnostic (first close, child's
/// creation, failure test). Markup may nest.
/// </summary>
public static partial class CaseMarkup
{
    /// <summary>The source without markup, the diagnostic spans, and the additional locations by number.</summary>
    public static MarkedSource Parse(string markup)
    {
        var text = new System.Text.StringBuilder(markup.Length);
        var open = new Stack<(string Label, int Start)>();
        var diagnostics = new List<MarkedSpan>();
        var additional = new List<MarkedSpan>();
        int i = 0;
        while (i < markup.Length)
        {
            Match start = OpenMarker().Match(markup, i);
            if (start.Success && start.Index == i)
            {
                open.Push((start.Groups["label"].Value, text.Length));
                i += start.Length;
            }
            else if (string.CompareOrdinal(markup, i, "|}", 0, 2) == 0 && open.Count > 0)
            {
                (string label, int begin) = open.Pop();
                var span = new MarkedSpan(label, TextSpan.FromBounds(begin, text.Length));
                (label.StartsWith('#') ? additional : diagnostics).Add(span);
                i += 2;
            }
            else
            {
                text.Append(markup[i]);
                i++;
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"unclosed markup '{{|{open.Peek().Label}:' in case source");
        }

        return new MarkedSource(
            text.ToString(),
            diagnostics.OrderBy(d => d.Span.Start).ToArray(),
            additional.OrderBy(a => int.Parse(a.Label[1..], System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    [GeneratedRegex(@"\{\|(?<label>MSDRM\d{3}|#\d+):")]
    private static partial Regex OpenMarker();
}
