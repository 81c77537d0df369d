using System.Collections.Concurrent;
using MsDrm.Robustness.Tests.Corpus;
using MsDrm.Robustness.Tests.Harness;
using MsDrm.Robustness.Tests.Mutation;
using Xunit;
using Xunit.Abstractions;

namespace MsDrm.Robustness.Tests;

/// <summary>
/// Damaged variants of every test input: no analyzer may throw (AD0001), no code fix may throw, and a
/// fix applied to a variant that compiled must leave it compiling.
/// </summary>
public class MutationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Analyzers_never_throw_on_damaged_code()
    {
        Assert.NotEmpty(ProductAssemblies.Analyzers);
        IReadOnlyList<(string Name, string Text)> variants = Variants(MutationSettings.Variants);
        var failures = new ConcurrentQueue<string>();
        int reported = 0;
        await Parallel.ForEachAsync(variants, async (variant, _) =>
        {
            var (diagnostics, runFailures) = await AnalyzerRun.RunAsync(AnalyzerRun.Compile(new[] { variant.Text }));
            Interlocked.Add(ref reported, diagnostics.Length);
            foreach (string failure in runFailures)
            {
                failures.Enqueue($"{variant.Name}: {failure}\n--- source ---\n{variant.Text}");
            }
        });

        output.WriteLine($"{variants.Count} variants of {SeedCorpus.All.Count} seeds, {ProductAssemblies.Analyzers.Length} analyzers, {reported} MSDRM diagnostics, {failures.Count} crashes");
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(3)));
    }

    [Fact]
    public async Task Fixes_never_throw_nor_break_code_that_compiled()
    {
        Assert.NotEmpty(ProductAssemblies.CodeFixes);
        var compiling = Variants(MutationSettings.Variants * 4)
            .Where(v => !AnalyzerRun.HasErrors(AnalyzerRun.Compile(new[] { v.Text })))
            .Take(MutationSettings.FixVariants)
            .ToList();
        var failures = new ConcurrentQueue<string>();
        int actions = 0;
        await Parallel.ForEachAsync(compiling, async (variant, _) =>
        {
            var (applied, runFailures) = await FixRun.RunAsync(variant.Text);
            Interlocked.Add(ref actions, applied);
            foreach (string failure in runFailures)
            {
                failures.Enqueue($"{variant.Name}: {failure}");
            }
        });

        output.WriteLine($"{compiling.Count} compiling variants, {ProductAssemblies.CodeFixes.Length} fix providers, {actions} code actions applied, {failures.Count} failures");
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(3)));
    }

    [Fact]
    public void Mutations_are_deterministic()
        => Assert.Equal(Variants(50), Variants(50));

    [Fact]
    public void Every_mutation_changes_some_seed()
    {
        var random = new Random(MutationSettings.Seed);
        int changed = Enumerable.Range(0, 200)
            .Select(i => SeedCorpus.All[i % SeedCorpus.All.Count].Source)
            .Count(source => Mutator.Mutate(source, random).Text != source);
        Assert.True(changed > 150, $"only {changed} of 200 mutations changed their input");
    }

    /// <summary>Variants cycle through the seeds; the random stream is fixed, so the list is too.</summary>
    private static IReadOnlyList<(string Name, string Text)> Variants(int count)
    {
        var random = new Random(MutationSettings.Seed);
        IReadOnlyList<Seed> seeds = SeedCorpus.All;
        var variants = new List<(string, string)>(count);
        for (int i = 0; i < count; i++)
        {
            Seed seed = seeds[i % seeds.Count];
            var (mutation, text) = Mutator.Mutate(seed.Source, random);
            variants.Add(($"#{i} {seed.Name} [{mutation}]", text));
        }

        return variants;
    }
}
