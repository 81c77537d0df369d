using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM003to006;

/// <summary>
/// MSDRM004 and MSDRM006 before their analyzers (MSDRM003 and MSDRM005 have landed): what RuleDocumentationTests will check once they move into
/// Descriptors (help link, page title, release row) holds already for LifetimeRuleDescriptors and the pages
/// in docs/rules/pending. Delete this file when they move (docs/rules/pending/README.md).
/// </summary>
public class PendingRuleDocumentationTests
{
    public static TheoryData<string> PendingIds() => new() { "MSDRM004", "MSDRM006" };

    [Fact]
    public void The_pending_descriptors_are_warnings_with_their_ids()
    {
        Assert.Equal(["MSDRM004", "MSDRM006"], PendingDescriptors().Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(PendingDescriptors(), d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        Assert.All(PendingDescriptors(), d => Assert.True(d.IsEnabledByDefault));
    }

    [Theory]
    [MemberData(nameof(PendingIds))]
    public void Help_link_title_page_and_release_row_agree(string id)
    {
        DiagnosticDescriptor descriptor = Assert.Single(PendingDescriptors(), d => d.Id == id);
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);

        string page = Path.Combine(RepositoryRoot(), "docs", "rules", "pending", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        Assert.Equal($"# {id}: {descriptor.Title}", File.ReadLines(page).First(line => line.Trim().Length > 0));

        var row = new Regex($@"^\s*{id}\s*\|\s*{descriptor.Category}\s*\|\s*{descriptor.DefaultSeverity}\s*\|");
        string unshipped = Path.Combine(RepositoryRoot(), "src", "Analyzers", "AnalyzerReleases.Unshipped.md");
        Assert.Single(File.ReadLines(unshipped), line => row.IsMatch(line));
    }

    [Theory]
    [MemberData(nameof(PendingIds))]
    public void Page_names_the_code_fix_DESIGN_gives_and_its_choices(string id)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules", "pending", id + ".md"));
        string fix = id switch
        {
            "MSDRM004" => "Call the matching close function",
            _ => "None",
        };
        Assert.Contains("| Code fix | " + fix, text, StringComparison.Ordinal);
        Assert.Contains("## Choices where DESIGN.md is silent", text, StringComparison.Ordinal);
        Assert.Contains("## Why", text, StringComparison.Ordinal);
        Assert.Contains("Fixed", text, StringComparison.Ordinal);
    }

    private static IEnumerable<DiagnosticDescriptor> PendingDescriptors() =>
        typeof(LifetimeRuleDescriptors)
            .GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

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
