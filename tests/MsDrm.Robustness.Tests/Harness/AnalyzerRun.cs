using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Testing;

namespace MsDrm.Robustness.Tests.Harness;

/// <summary>Runs every analyzer over a compilation and collects any exception an analyzer throws.</summary>
internal static class AnalyzerRun
{
    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>
    /// The declarations and references every variant shares: compilations derived from it reuse its
    /// resolved references, which is most of the cost of a small compilation.
    /// </summary>
    private static readonly CSharpCompilation Base = CSharpCompilation.Create(
        "Mutant",
        new[] { CSharpSyntaxTree.ParseText(DrmDeclarations.Source, ParseOptions, path: DrmDeclarations.FileName) },
        TestReferences.Net80WithRuntime,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A compilation of the given sources plus the user's msdrm.dll declarations.</summary>
    internal static CSharpCompilation Compile(IEnumerable<string> sources)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")).ToList();
        CSharpCompilation compilation = Base.AddSyntaxTrees(trees);
        OutputKind kind = OutputKindOf(trees);
        return kind == Base.Options.OutputKind ? compilation : compilation.WithOptions(Base.Options.WithOutputKind(kind));
    }

    /// <summary>A console application when any file has top-level statements, else a library.</summary>
    internal static OutputKind OutputKindOf(IEnumerable<SyntaxTree> trees)
        => trees.Any(t => t.GetRoot() is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax unit
                && unit.Members.Any(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax))
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;

    /// <summary>The analyzers' diagnostics, and every failure: thrown exceptions and AD0001 reports.</summary>
    internal static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Failures)> RunAsync(
        Compilation compilation, bool concurrent = false)
    {
        var failures = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            GuardOffOptions.Instance,
            onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(ProductAssemblies.Analyzers, options);
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            failures.Enqueue(diagnostic.ToString());
        }

        return (diagnostics.Where(d => d.Id.StartsWith("MSDRM", StringComparison.Ordinal)).ToImmutableArray(), failures.ToList());
    }

    internal static bool HasErrors(Compilation compilation)
        => compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
}
