using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace MsDrm.Analyzers.ApiModel;

/// <summary>
/// The table of every msdrm.dll export, read once from the embedded copy of msdrm-api.tsv.
/// </summary>
internal static class DrmApi
{
    internal const string ResourceName = "MsDrm.Analyzers.msdrm-api.tsv";

    private static readonly Lazy<ImmutableDictionary<string, DrmFunction>> LazyFunctions = new(Load);

    /// <summary>Every export by name (ordinal comparison: export names are case-sensitive).</summary>
    internal static ImmutableDictionary<string, DrmFunction> Functions => LazyFunctions.Value;

    internal static bool TryGet(string exportName, out DrmFunction function)
        => Functions.TryGetValue(exportName, out function!);

    private static ImmutableDictionary<string, DrmFunction> Load()
    {
        using Stream stream = typeof(DrmApi).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The API table " + ResourceName + " is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>
    /// Parses the TSV text (header line first, one row per handle-relevant parameter; columns
    /// function, param_index, param_name, role, handle_type, close_function, async, parent_param, notes).
    /// </summary>
    internal static ImmutableDictionary<string, DrmFunction> Parse(string tsv)
    {
        var rows = new List<(string Function, DrmParameter Parameter)>();
        string[] lines = tsv.Replace("\r\n", "\n").Split('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            string[] cells = lines[i].Split('\t');
            string function = cells[0];
            int index = cells[1] == "-" ? -1 : int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture);
            ParameterRole role = ParseRole(cells[3]);
            HandleKind? kind = HandleKindInfo.TryParseNativeTypeName(cells[4], out HandleKind k) ? k : null;
            int? parent = cells[7] == "-" ? null : int.Parse(cells[7], System.Globalization.CultureInfo.InvariantCulture);
            rows.Add((function, new DrmParameter(index, cells[2], role, kind, parent)));
        }

        return rows
            .GroupBy(r => r.Function, StringComparer.Ordinal)
            .ToImmutableDictionary(
                g => g.Key,
                g => new DrmFunction(
                    g.Key,
                    g.Where(r => r.Parameter.Index >= 0).Select(r => r.Parameter).ToImmutableArray()),
                StringComparer.Ordinal);
    }

    private static ParameterRole ParseRole(string role) => role switch
    {
        "creates" => ParameterRole.Creates,
        "closes" => ParameterRole.Closes,
        "duplicates-source" => ParameterRole.DuplicatesSource,
        "uses" => ParameterRole.Uses,
        "none" => ParameterRole.None,
        _ => throw new FormatException("Unknown role '" + role + "' in the API table."),
    };
}
