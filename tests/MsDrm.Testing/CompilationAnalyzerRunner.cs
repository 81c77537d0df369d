using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MsDrm.Testing;

/// <summary>
/// Runs analyzers over a plain <see cref="CSharpCompilation"/> (no workspace): for tests that need
/// the diagnostics themselves (properties, exceptions) rather than the verifier's markup check.
/// Every compilation gets the .NET 8 references, the runtime wrapper and <see cref="DrmDeclarations"/>.
/// </summary>
public static class CompilationAnalyzerRunner
{
    /// <summary>Compiles the sources (path, text) together with the <c>Native</c> declarations.</summary>
    public static CSharpCompilation Compile(IEnumerable<(string Path, string Source)> sources, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, bool allowUnsafe = false)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        IEnumerable<SyntaxTree> trees = sources
            .Append((Path: "/" + DrmDeclarations.FileName, Source: DrmDeclarations.Source))
            .Select(s => CSharpSyntaxTree.ParseText(s.Source, parseOptions, s.Path));
        return CSharpCompilation.Create(
            "Analyzed",
            trees,
            TestReferences.Net80WithRuntime,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: allowUnsafe));
    }

    /// <summary>
    /// Runs <paramref name="analyzers"/> with an optional root <c>.editorconfig</c> text (its analyzer
    /// options only). Exceptions thrown by an analyzer are collected, never swallowed.
    /// </summary>
    public static async Task<AnalysisRun> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, string? editorConfig = null)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        if (editorConfig is not null)
        {
            // Severity keys (dotnet_diagnostic.ID.severity) reach the compiler through tree options.
            var treeOptions = new EditorConfigTreeOptionsProvider(CreateSet(editorConfig));
            compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(treeOptions));
        }

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new EditorConfigOptionsProvider(editorConfig)),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = new CompilationWithAnalyzers(compilation, analyzers, options);
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return new AnalysisRun(compilation.GetDiagnostics(), diagnostics, exceptions.ToImmutableArray());
    }

    /// <summary>The outcome of one run.</summary>
    /// <param name="CompilerDiagnostics">What the compiler reports (errors and warnings).</param>
    /// <param name="AnalyzerDiagnostics">What the analyzers report (AD0001 included).</param>
    /// <param name="Exceptions">Exceptions the analyzers threw.</param>
    public sealed record AnalysisRun(
        ImmutableArray<Diagnostic> CompilerDiagnostics,
        ImmutableArray<Diagnostic> AnalyzerDiagnostics,
        ImmutableArray<Exception> Exceptions);

    private static AnalyzerConfigSet CreateSet(string editorConfig)
        => AnalyzerConfigSet.Create(ImmutableArray.Create(AnalyzerConfig.Parse(editorConfig, "/.editorconfig")));

    /// <summary>Serves the diagnostic severities of one root .editorconfig to the compiler.</summary>
    private sealed class EditorConfigTreeOptionsProvider(AnalyzerConfigSet set) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    /// <summary>Serves the analyzer options of one root .editorconfig for every tree.</summary>
    private sealed class EditorConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigSet? set;

        internal EditorConfigOptionsProvider(string? editorConfig)
        {
            set = editorConfig is null ? null : CreateSet(editorConfig);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree)
            => new DictionaryOptions(set?.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions ?? ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            => values.TryGetValue(key, out value);
    }
}
