using System.Text;

namespace MsDrm.Benchmarks.Reporting;

/// <summary>A Markdown table (so the output pastes straight into docs/benchmarks.md).</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = new();

    internal TextTable Row(params string[] cells)
    {
        rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        int[] widths = headers.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        Append(text, headers, widths);
        text.Append('|').AppendJoin('|', widths.Select((w, i) => i == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":")).Append("|\n");
        foreach (string[] row in rows)
        {
            Append(text, row, widths);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (int i = 0; i < cells.Length; i++)
        {
            string cell = i == 0 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]);
            text.Append(' ').Append(cell).Append(" |");
        }

        text.Append('\n');
    }
}
