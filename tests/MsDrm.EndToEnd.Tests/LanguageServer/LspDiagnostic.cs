using System.Text.Json;

namespace MsDrm.EndToEnd.Tests.LanguageServer;

/// <summary>An LSP range: 0-based lines and UTF-16 character offsets, end exclusive.</summary>
public sealed record LspRange(int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    /// <summary>Reads an LSP <c>Range</c> object.</summary>
    public static LspRange Parse(JsonElement range)
    {
        JsonElement start = range.GetProperty("start");
        JsonElement end = range.GetProperty("end");
        return new LspRange(
            start.GetProperty("line").GetInt32(),
            start.GetProperty("character").GetInt32(),
            end.GetProperty("line").GetInt32(),
            end.GetProperty("character").GetInt32());
    }

    /// <inheritdoc />
    public override string ToString() => $"{StartLine}:{StartCharacter}-{EndLine}:{EndCharacter}";
}

/// <summary>One LSP diagnostic as a language server sends it (severity 1 error, 2 warning, 3 information, 4 hint).</summary>
public sealed record LspDiagnostic(string Code, int Severity, LspRange Range, string Message)
{
    /// <summary>The LSP severity of a warning.</summary>
    public const int Warning = 2;

    /// <summary>The LSP severity of an error.</summary>
    public const int Error = 1;

    /// <summary>Reads the diagnostics of a <c>publishDiagnostics</c> notification or a full pull report.</summary>
    public static IReadOnlyList<LspDiagnostic> ParseAll(JsonElement diagnostics) =>
        diagnostics.EnumerateArray().Select(Parse).ToArray();

    /// <summary>Reads an LSP <c>Diagnostic</c> object.</summary>
    public static LspDiagnostic Parse(JsonElement diagnostic) =>
        new(
            diagnostic.TryGetProperty("code", out JsonElement code) ? code.ToString() : string.Empty,
            diagnostic.TryGetProperty("severity", out JsonElement severity) ? severity.GetInt32() : 0,
            LspRange.Parse(diagnostic.GetProperty("range")),
            diagnostic.GetProperty("message").GetString() ?? string.Empty);

    /// <summary>True for the package's own rules.</summary>
    public bool IsMsDrm => Code.StartsWith("MSDRM", StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Code} (severity {Severity}) at {Range}: {Message}";
}
