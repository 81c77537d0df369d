using System.Text.Json;
using MsDrm.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace MsDrm.EndToEnd.Tests;

/// <summary>
/// Every path diagnostic explains itself in the compiler's SARIF log (<c>ErrorLog</c>, version 2.1) of a
/// user's build: the message names the lines of its additional locations, the additional locations are
/// the log's <c>relatedLocations</c> in order, and what each one shows is in <c>properties.customProperties</c>
/// (the compiler writes related locations without a message of their own, which is why the lines are in
/// the message). The expected lines and columns come from the marker comments of
/// <see cref="ConsumerPrograms.ExplainedProgram"/>.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class SarifLogTests
{
    private static readonly IReadOnlyList<ExpectedResult> Expected =
    [
        new(
            "early-return",
            "MSDRM001",
            "Handle 'dup' created by 'DRMDuplicateSession' is not closed with 'DRMCloseSession' on every path (still open at the return on line {1})",
            "Native.DRMDuplicateSession(session, out uint dup)",
            ["return;", "hr < 0"]),
        new(
            "helper",
            "MSDRM001",
            "Handle 'copy' created by 'DRMDuplicateSession' through 'Program.Duplicate' is not closed with 'DRMCloseSession' on every path (still open at the end of the method on line {1})",
            "Duplicate(session, out uint copy)",
            ["}", "Duplicate(session, out uint copy) < 0", "Native.DRMDuplicateSession(source, out copy)"]),
        new(
            "double-close",
            "MSDRM003",
            "Handle 'twice' is passed to 'DRMCloseSession' after 'DRMCloseSession' closed it on line {1}",
            "Native.DRMCloseSession(twice)",
            ["Native.DRMCloseSession(twice)"]),
        new(
            "close-order",
            "MSDRM005",
            "'license' is closed while 'decryptor', made from it by 'DRMCreateEnablingBitsDecryptor' on line {1}, is still open; close 'decryptor' first",
            "Native.DRMCloseHandle(license)",
            ["Native.DRMCreateEnablingBitsDecryptor(license, \"VIEW\", 0, null, out uint decryptor)"]),
        new(
            "masked",
            "MSDRM006",
            "The failure in 'hr' (failed on line {1}) is overwritten by the result of 'DRMCloseSession' before it is returned or thrown",
            "hr = Native.DRMCloseSession(dup)",
            ["hr < 0"]),
    ];

    private readonly PackedPackage package;

    public SarifLogTests(PackedPackage package)
    {
        this.package = package;
    }

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (ExpectedResult expected in Expected)
        {
            cases.Add(expected.Case);
        }

        return cases;
    }

    [Fact]
    public void Build_PrintsEachPathDiagnosticWithTheLinesOfItsAdditionalLocations()
    {
        ProcessResult build = Built(package).Build;

        Assert.True(build.ExitCode == 0, "warnings must not fail the build:\n" + build);
        Assert.Equal(
            Expected.Select(e => ("Program.cs", e.Primary.Line, e.Primary.Column, "warning", e.Id)).Order(),
            BuildDiagnostic.ParseMsDrm(build.Output).Select(d => (d.File, d.Line, d.Column, d.Severity, d.Id)).Order());
        foreach (ExpectedResult expected in Expected)
        {
            // The SDK's console logger puts the rule's help link after the message.
            Assert.Contains(
                $"Program.cs({expected.Primary.Line},{expected.Primary.Column}): warning {expected.Id}: {expected.Message} ({HelpUri(expected.Id)}) [",
                build.Output,
                StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Log_IsSarif210_AndDescribesTheRulesWithTheirHelpPages()
    {
        using JsonDocument log = JsonDocument.Parse(Built(package).Sarif);

        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        JsonElement[] rules = Run(log).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        foreach (string id in Expected.Select(e => e.Id).Distinct())
        {
            JsonElement rule = Assert.Single(rules, r => r.GetProperty("id").GetString() == id);
            Assert.Equal(HelpUri(id), rule.GetProperty("helpUri").GetString());
        }
    }

    [Fact]
    public void Log_HasExactlyTheExpectedPathResults()
    {
        using JsonDocument log = JsonDocument.Parse(Built(package).Sarif);

        Assert.Equal(
            Expected.Select(e => (e.Id, e.Primary.Line)).Order(),
            MsDrmResults(log).Select(r => (RuleId(r), StartOf(PhysicalLocation(r.GetProperty("locations")[0])).Line)).Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Result_HasTheMessageWithTheLines_TheLocation_AndTheRelatedLocationsInOrder(string name)
    {
        ExpectedResult expected = Expected.Single(e => e.Case == name);
        using JsonDocument log = JsonDocument.Parse(Built(package).Sarif);

        JsonElement result = Assert.Single(MsDrmResults(log), r => StartOf(PhysicalLocation(r.GetProperty("locations")[0])).Line == expected.Primary.Line);
        Assert.Equal(expected.Id, RuleId(result));
        Assert.Equal("warning", result.GetProperty("level").GetString());
        Assert.Equal(expected.Message, result.GetProperty("message").GetProperty("text").GetString());

        JsonElement location = PhysicalLocation(Assert.Single(result.GetProperty("locations").EnumerateArray()));
        Assert.EndsWith("/Program.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(expected.Primary, SpanOf(location));

        JsonElement[] related = result.GetProperty("relatedLocations").EnumerateArray().ToArray();
        Assert.Equal(expected.Related, related.Select(r => SpanOf(PhysicalLocation(r))));
        Assert.All(related, r => Assert.EndsWith("/Program.cs", PhysicalLocation(r).GetProperty("artifactLocation").GetProperty("uri").GetString()));

        // What each related location shows is in the result's custom properties, one per location, in order.
        JsonElement custom = result.GetProperty("properties").GetProperty("customProperties");
        Assert.Equal(
            Enumerable.Range(0, related.Length).Select(i => "RelatedLocation" + i),
            custom.EnumerateObject().Select(p => p.Name).Where(n => n.StartsWith("RelatedLocation", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        for (int i = 0; i < related.Length; i++)
        {
            Assert.False(string.IsNullOrWhiteSpace(custom.GetProperty("RelatedLocation" + i).GetString()), $"RelatedLocation{i} is empty");
        }
    }

    /// <summary>
    /// The compiler writes a related location as its physical location only: no message, no id. That
    /// is why each path rule's message names the lines itself. When this fails, the compiler has
    /// started writing more; the messages could then say less (docs/rules and the analyzers' RelatedLocations).
    /// </summary>
    [Fact]
    public void RelatedLocations_HaveOnlyAPhysicalLocation()
    {
        using JsonDocument log = JsonDocument.Parse(Built(package).Sarif);

        JsonElement[] related = MsDrmResults(log).SelectMany(r => r.GetProperty("relatedLocations").EnumerateArray()).ToArray();
        Assert.Equal(Expected.Sum(e => e.Related.Count), related.Length);
        Assert.All(related, r => Assert.Equal(new[] { "physicalLocation" }, r.EnumerateObject().Select(p => p.Name)));
    }

    /// <summary>The consumer built once per run with the SARIF 2.1 log; its output and the log's text.</summary>
    private static SarifBuild Built(PackedPackage package) =>
        package.Shared(nameof(SarifLogTests), () =>
        {
            var consumer = ConsumerProject.Create(package, "explained", ConsumerPrograms.ExplainedProgram);
            string sarifPath = Path.Combine(consumer.Folder, "explained.sarif");

            // %2C keeps the comma inside the one property value (MSBuild splits -p values on commas).
            ProcessResult build = consumer.Build("-p:ErrorLog=" + sarifPath + "%2Cversion=2.1");
            Assert.True(File.Exists(sarifPath), "no SARIF log written:\n" + build);
            return new SarifBuild(build, File.ReadAllText(sarifPath));
        });

    /// <summary>The rule's page, the descriptors' help link.</summary>
    private static string HelpUri(string id) => $"https://github.com/msdrm-analyzers/MsDrm.Analyzers/blob/main/docs/rules/{id}.md";

    private static JsonElement Run(JsonDocument log) => log.RootElement.GetProperty("runs")[0];

    private static JsonElement[] MsDrmResults(JsonDocument log) =>
        Run(log).GetProperty("results").EnumerateArray()
            .Where(r => RuleId(r).StartsWith("MSDRM", StringComparison.Ordinal))
            .ToArray();

    private static string RuleId(JsonElement result) => result.GetProperty("ruleId").GetString() ?? string.Empty;

    private static JsonElement PhysicalLocation(JsonElement location) => location.GetProperty("physicalLocation");

    private static (int Line, int Column) StartOf(JsonElement physicalLocation)
    {
        JsonElement region = physicalLocation.GetProperty("region");
        return (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32());
    }

    private static SourceSpan SpanOf(JsonElement physicalLocation)
    {
        JsonElement region = physicalLocation.GetProperty("region");
        return new SourceSpan(
            region.GetProperty("startLine").GetInt32(),
            region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(),
            region.GetProperty("endColumn").GetInt32());
    }

    private sealed record SarifBuild(ProcessResult Build, string Sarif);

    /// <summary>1-based lines and columns, end column exclusive, as SARIF regions give them.</summary>
    private sealed record SourceSpan(int Line, int Column, int EndLine, int EndColumn)
    {
        /// <summary>The span of <paramref name="text"/> on the line marked <c>// &lt;marker&gt;</c> (before the comment).</summary>
        public static SourceSpan Of(string marker, string text)
        {
            int line = SourceMarkers.LineOf(ConsumerPrograms.ExplainedProgram, "<" + marker + ">");
            string code = ConsumerPrograms.ExplainedProgram.ReplaceLineEndings("\n").Split('\n')[line - 1];
            code = code[..code.IndexOf("// <", StringComparison.Ordinal)];
            int index = code.IndexOf(text, StringComparison.Ordinal);
            if (index < 0 || code.IndexOf(text, index + 1, StringComparison.Ordinal) >= 0)
            {
                throw new ArgumentException($"'{text}' is not once on the line marked <{marker}>", nameof(text));
            }

            return new SourceSpan(line, index + 1, line, index + 1 + text.Length);
        }
    }

    /// <summary>
    /// One expected result: the case's marker, the rule, the message with <c>{K}</c> standing for the
    /// line of the K-th additional location, the text of the reported span and of each additional location.
    /// </summary>
    private sealed record ExpectedResult(string Case, string Id, string MessageFormat, string PrimaryText, IReadOnlyList<string> RelatedTexts)
    {
        public SourceSpan Primary => SourceSpan.Of(Case, PrimaryText);

        public IReadOnlyList<SourceSpan> Related => RelatedTexts.Select((text, i) => SourceSpan.Of($"{Case} #{i + 1}", text)).ToArray();

        public string Message => RelatedTexts.Select((_, i) => i + 1).Aggregate(
            MessageFormat,
            (message, k) => message.Replace("{" + k + "}", Related[k - 1].Line.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}
