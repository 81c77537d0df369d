namespace MsDrm.Runtime.Tests;

/// <summary>The project's copy of msdrm-api.tsv (linked into the test output).</summary>
public static class ApiTable
{
    public sealed record Row(string Function, int? ParameterIndex, string ParameterName, string Role, string HandleType, string CloseFunction, int? ParentParameter);

    public static readonly IReadOnlyList<Row> Rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "msdrm-api.tsv"))
        .Skip(1)
        .Where(line => line.Length > 0)
        .Select(line => line.Split('\t'))
        .Select(c => new Row(c[0], c[1] == "-" ? null : int.Parse(c[1]), c[2], c[3], c[4], c[5], c[7] == "-" ? null : int.Parse(c[7])))
        .ToArray();
}
