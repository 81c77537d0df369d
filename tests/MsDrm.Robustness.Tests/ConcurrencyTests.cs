using MsDrm.Robustness.Tests.Corpus;
using MsDrm.Robustness.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace MsDrm.Robustness.Tests;

/// <summary>Concurrent analysis of a large compilation gives the same diagnostics every time.</summary>
public class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Copies = 4;
    private const int Runs = 6;

    [Fact]
    public async Task Concurrent_runs_report_identical_diagnostics()
    {
        var compilation = AnalyzerRun.Compile(LargeCorpus());
        var (first, failures) = await AnalyzerRun.RunAsync(compilation, concurrent: true);
        Assert.Empty(failures);
        string expected = Describe(first);
        for (int run = 1; run < Runs; run++)
        {
            var (again, againFailures) = await AnalyzerRun.RunAsync(compilation, concurrent: true);
            Assert.Empty(againFailures);
            Assert.Equal(expected, Describe(again));
        }

        output.WriteLine($"{compilation.SyntaxTrees.Count()} files, {first.Length} MSDRM diagnostics, identical over {Runs} concurrent runs");
    }

    /// <summary>Each seed that has no top-level statements, copied into several namespaces.</summary>
    private static IEnumerable<string> LargeCorpus()
        => from copy in Enumerable.Range(0, Copies)
           from indexed in SeedCorpus.All.Select((seed, index) => (seed, index))
           let seed = indexed.seed
           where seed.Name != "declarations"
           let unit = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseCompilationUnit(seed.Source)
           where unit.Members.All(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.DelegateDeclarationSyntax)
           select string.Concat(unit.Usings.Select(u => u.ToFullString()))
               + $"namespace Copy{copy}_{indexed.index} {{\n"
               + string.Concat(unit.Members.Select(m => m.ToFullString())) + "\n}\n";

    private static string Describe(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics)
        => string.Join("\n", diagnostics
            .Select(d => $"{d.Location.SourceTree?.FilePath}:{d.Location.SourceSpan} {d.Id} {d.GetMessage()}")
            .Order(StringComparer.Ordinal));
}
