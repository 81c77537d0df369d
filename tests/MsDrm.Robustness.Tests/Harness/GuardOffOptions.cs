using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MsDrm.Robustness.Tests.Harness;

/// <summary>
/// Analyzer options that turn the rules' per-body exception guard off
/// (<c>msdrm.internal.rethrow_exceptions = true</c>), so any crash surfaces as an analyzer exception
/// here instead of silently skipping a body.
/// </summary>
internal sealed class GuardOffOptions : AnalyzerConfigOptionsProvider
{
    internal static readonly AnalyzerOptions Instance = new(ImmutableArray<AdditionalText>.Empty, new GuardOffOptions());

    private static readonly AnalyzerConfigOptions Options = new Values();

    public override AnalyzerConfigOptions GlobalOptions => Options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options;

    private sealed class Values : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = key == "msdrm.internal.rethrow_exceptions" ? "true" : null;
            return value is not null;
        }
    }
}
