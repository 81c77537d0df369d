using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace MsDrm.Analyzers.Tests;

/// <summary>
/// Every rule is documented and tracked: a descriptor per id, a docs/rules page per descriptor that
/// its help link points at and whose title is the descriptor's, no page without a descriptor, a row
/// with a link to the page in README.md's rule table, and a row in AnalyzerReleases.Shipped.md or
/// AnalyzerReleases.Unshipped.md. Descriptors are found by reflection, both on
/// <see cref="Descriptors"/> and on every analyzer type, so a new rule is checked without editing this.
/// </summary>
public class RuleDocumentationTests
{
    private static readonly Assembly AnalyzerAssembly = typeof(Descriptors).Assembly;

    public static TheoryData<string> AllRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (string id in AllDescriptors().Select(d => d.Id).Union(DiagnosticIdConstants()).Order(StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void The_assembly_declares_at_least_the_two_first_rules()
    {
        Assert.Contains("MSDRM001", DiagnosticIdConstants());
        Assert.Contains("MSDRM002", DiagnosticIdConstants());
    }

    [Fact]
    public void Every_id_in_DiagnosticIds_has_a_descriptor()
    {
        var described = AllDescriptors().Select(d => d.Id).ToHashSet();
        Assert.All(DiagnosticIdConstants(), id => Assert.Contains(id, described));
    }

    [Fact]
    public void Every_descriptor_uses_an_id_from_DiagnosticIds()
    {
        var ids = DiagnosticIdConstants().ToHashSet();
        Assert.All(AllDescriptors(), d => Assert.Contains(d.Id, ids));
    }

    [Fact]
    public void Each_id_has_one_descriptor_definition()
    {
        // Analyzers must reuse the shared descriptor, not build a second one with other text.
        foreach (IGrouping<string, DiagnosticDescriptor> group in AllDescriptors().GroupBy(d => d.Id))
        {
            Assert.Single(group.Distinct());
        }
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Help_link_points_at_the_rule_page(string id)
    {
        foreach (DiagnosticDescriptor descriptor in AllDescriptors().Where(d => d.Id == id))
        {
            Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri);
        }
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Rule_page_exists_and_names_the_id_in_its_title(string id)
    {
        string page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing rule page {page}");

        string? title = File.ReadLines(page).FirstOrDefault(line => line.StartsWith("# ", StringComparison.Ordinal));
        Assert.NotNull(title);
        Assert.Contains(id, title, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Rule_page_title_is_the_descriptor_id_and_title(string id)
    {
        string page = Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing rule page {page}");
        string firstLine = File.ReadLines(page).First(line => line.Trim().Length > 0);

        var descriptors = AllDescriptors().Where(d => d.Id == id).ToList();
        Assert.NotEmpty(descriptors);
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            Assert.Equal($"# {id}: {descriptor.Title}", firstLine);
        }
    }

    [Fact]
    public void Every_rule_page_has_a_descriptor()
    {
        var described = AllDescriptors().Select(d => d.Id).ToHashSet();
        var pageIds = Directory.GetFiles(Path.Combine(RepositoryRoot(), "docs", "rules"), "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => Regex.IsMatch(name!, @"^MSDRM\d+$"))
            .ToList();
        Assert.NotEmpty(pageIds);
        Assert.All(pageIds, id => Assert.Contains(id!, described));
    }

    [Fact]
    public void Analyzers_expose_at_least_the_two_first_rules()
    {
        // The reflection this class relies on must see the analyzers: at least the two first rules.
        var exposed = AnalyzerDescriptors().Select(d => d.Id).ToHashSet();
        Assert.Contains("MSDRM001", exposed);
        Assert.Contains("MSDRM002", exposed);
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Readme_rule_table_lists_the_rule_with_a_link_to_its_page(string id)
    {
        var rows = ReadmeRuleRows().Where(row => row.Id == id).ToList();
        var row = Assert.Single(rows);
        Assert.Contains($"](docs/rules/{id}.md)", row.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_rule_table_lists_only_described_rules()
    {
        var described = AllDescriptors().Select(d => d.Id).ToHashSet();
        var rows = ReadmeRuleRows().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Contains(row.Id, described));
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Analyzer_releases_list_the_rule_with_its_category_and_severity(string id)
    {
        var rows = ReleaseRows().Where(row => row.Id == id).ToList();
        var row = Assert.Single(rows);

        foreach (DiagnosticDescriptor descriptor in AllDescriptors().Where(d => d.Id == id))
        {
            Assert.Equal(descriptor.Category, row.Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
        }
    }

    /// <summary>Every id constant of <see cref="DiagnosticIds"/>.</summary>
    internal static IEnumerable<string> DiagnosticIdConstants() =>
        typeof(DiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        DescriptorFields().Concat(AnalyzerDescriptors());

    private static IEnumerable<DiagnosticDescriptor> DescriptorFields() =>
        typeof(Descriptors)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    private static IEnumerable<DiagnosticDescriptor> AnalyzerDescriptors() =>
        AnalyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t, nonPublic: true)!)
            .SelectMany(analyzer => analyzer.SupportedDiagnostics);

    /// <summary>The table rows (<c>ID | Category | Severity | Notes</c>) of both release files.</summary>
    private static IEnumerable<(string Id, string Category, string Severity)> ReleaseRows()
    {
        string folder = Path.Combine(RepositoryRoot(), "src", "Analyzers");
        var row = new Regex(@"^\s*(?<id>[A-Z]+\d+)\s*\|\s*(?<category>[^|]+?)\s*\|\s*(?<severity>[^|]+?)\s*\|");
        foreach (string file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (string line in File.ReadLines(Path.Combine(folder, file)))
            {
                Match match = row.Match(line);
                if (match.Success)
                {
                    yield return (match.Groups["id"].Value, match.Groups["category"].Value, match.Groups["severity"].Value);
                }
            }
        }
    }

    /// <summary>The rows of the table under README.md's <c>## Rules</c> heading: first cell and whole line.</summary>
    private static IEnumerable<(string Id, string Line)> ReadmeRuleRows()
    {
        var row = new Regex(@"^\|\s*(?<id>[A-Z]+\d+)\s*\|");
        bool inRules = false;
        foreach (string line in File.ReadLines(Path.Combine(RepositoryRoot(), "README.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inRules = line.Trim() == "## Rules";
                continue;
            }

            Match match = row.Match(line);
            if (inRules && match.Success)
            {
                yield return (match.Groups["id"].Value, line);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MsDrm.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MsDrm.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
