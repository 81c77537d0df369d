using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MsDrm.Analyzers;

/// <summary>Reads the package's <c>.editorconfig</c> keys (<c>msdrm.*</c>) for one syntax tree.</summary>
internal static class AnalyzerOptionsReader
{
    /// <summary>MSDRM002: also report the ignored HRESULT of the close functions (<c>DRMClose*</c>).</summary>
    internal const string CheckCloseResultsKey = "msdrm.check_close_results";

    /// <summary>
    /// The value of a boolean key for <paramref name="tree"/>: <c>true</c>/<c>false</c> in any casing;
    /// a missing key or any other text gives <paramref name="defaultValue"/>.
    /// </summary>
    internal static bool GetBool(AnalyzerOptions options, SyntaxTree tree, string key, bool defaultValue)
    {
        if (options?.AnalyzerConfigOptionsProvider is not { } provider
            || !provider.GetOptions(tree).TryGetValue(key, out string? text)
            || text is null)
        {
            return defaultValue;
        }

        string trimmed = text.Trim();
        if (string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return defaultValue;
    }

    /// <summary>Whether <c>msdrm.check_close_results</c> is <c>true</c> for the tree (default false).</summary>
    internal static bool CheckCloseResults(AnalyzerOptions options, SyntaxTree tree)
        => GetBool(options, tree, CheckCloseResultsKey, defaultValue: false);
}
