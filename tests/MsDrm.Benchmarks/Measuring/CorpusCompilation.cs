using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MsDrm.Benchmarks.Corpus;
using MsDrm.Testing;

namespace MsDrm.Benchmarks.Measuring;

/// <summary>
/// The parsed corpus. Syntax trees are parsed once and shared; every measurement builds a fresh
/// compilation from them, so no binding work is cached from one measurement to the next.
/// </summary>
internal sealed class CorpusCompilation
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private readonly ImmutableArray<SyntaxTree> trees;

    internal CorpusCompilation(IReadOnlyList<CorpusFile> files, bool concurrentBuild)
    {
        trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Name)).ToImmutableArray();
        ConcurrentBuild = concurrentBuild;
        FileCount = files.Count;
        LineCount = files.Sum(f => f.Text.Count(c => c == '\n'));
    }

    internal bool ConcurrentBuild { get; }

    internal int FileCount { get; }

    internal int LineCount { get; }

    /// <summary>A new compilation with the diagnostic options <paramref name="set"/> needs switched on.</summary>
    internal CSharpCompilation Create(AnalyzerSet set)
    {
        var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                concurrentBuild: ConcurrentBuild,
                allowUnsafe: true)
            .WithSpecificDiagnosticOptions(set.EnabledDiagnostics);
        return CSharpCompilation.Create("Corpus", trees, TestReferences.Net80WithRuntime, options);
    }
}
