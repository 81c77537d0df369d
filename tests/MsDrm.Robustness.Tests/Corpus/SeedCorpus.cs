using System.Reflection;
using System.Text.RegularExpressions;
using MsDrm.Testing;
using MsDrm.Testing.Cases;

namespace MsDrm.Robustness.Tests.Corpus;

/// <summary>
/// Every C# input the other tests use: both sides of every rule case (markup removed), the folder of
/// valid code and the sample. New case classes are picked up by reflection, so the corpus grows with
/// the rules.
/// </summary>
internal static partial class SeedCorpus
{
    private static readonly Lazy<IReadOnlyList<Seed>> LazyAll = new(Load);

    internal static IReadOnlyList<Seed> All => LazyAll.Value;

    /// <summary>Removes <c>{|ID:</c>, <c>{|#n:</c>, <c>|}</c>, <c>[|</c> and <c>|]</c> test markup.</summary>
    internal static string StripMarkup(string source) => Markup().Replace(source, string.Empty);

    private static IReadOnlyList<Seed> Load()
    {
        var seeds = new List<Seed>();
        foreach (RuleCase ruleCase in RuleCases())
        {
            seeds.Add(new Seed(ruleCase.Name + "/wrong", StripMarkup(ruleCase.Wrong)));
            seeds.Add(new Seed(ruleCase.Name + "/correct", StripMarkup(ruleCase.Correct)));
        }

        string root = RepositoryRoot.Path;
        foreach (string folder in new[] { Path.Combine(root, "tests", "MsDrm.Testing", "ValidCode"), Path.Combine(root, "samples") })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    seeds.Add(new Seed(Path.GetRelativePath(root, file), File.ReadAllText(file)));
                }
            }
        }

        seeds.Add(new Seed("declarations", DrmDeclarations.Source));
        return seeds;
    }

    /// <summary>Every public static <c>All</c> list of <see cref="RuleCase"/> in the shared test library.</summary>
    private static IEnumerable<RuleCase> RuleCases()
        => typeof(RuleCase).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RuleCase).Namespace)
            .Select(t => t.GetProperty("All", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p is not null && typeof(IEnumerable<RuleCase>).IsAssignableFrom(p.PropertyType))
            .OrderBy(p => p!.DeclaringType!.FullName, StringComparer.Ordinal)
            .SelectMany(p => (IEnumerable<RuleCase>)p!.GetValue(null)!);

    [GeneratedRegex(@"\{\|[A-Za-z0-9#]+:|\|\}|\[\||\|\]")]
    private static partial Regex Markup();
}

/// <summary>One input source and where it came from.</summary>
internal sealed record Seed(string Name, string Source);
