using System.Text.Json;
using MsDrm.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace MsDrm.EndToEnd.Tests;

/// <summary>A user's project that references the package sees the rules in its ordinary build.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ConsumerBuildTests
{
    private static readonly int LeakLine = SourceMarkers.LineOf(ConsumerPrograms.LeakyProgram, ConsumerPrograms.LeakMarker);
    private static readonly int IgnoredLine = SourceMarkers.LineOf(ConsumerPrograms.LeakyProgram, ConsumerPrograms.IgnoredMarker);

    private readonly PackedPackage package;

    public ConsumerBuildTests(PackedPackage package)
    {
        this.package = package;
    }

    [Fact]
    public void Build_ReportsBothRulesAsWarningsAtTheirLines()
    {
        ProcessResult build = ConsumerRuns.Unfixed(package).Build;

        Assert.True(build.ExitCode == 0, "warnings must not fail the build:\n" + build);
        Assert.Equal(
            new[]
            {
                new BuildDiagnostic("Program.cs", LeakLine, ColumnOf(LeakLine), "warning", "MSDRM001"),
                new BuildDiagnostic("Program.cs", IgnoredLine, ColumnOf(IgnoredLine), "warning", "MSDRM002"),
            },
            BuildDiagnostic.ParseMsDrm(build.Output).OrderBy(d => d.Line));
    }

    /// <summary>The three ways the README gives to fail a build on the rules.</summary>
    [Theory]
    [InlineData("-warnaserror:MSDRM001,MSDRM002")]
    [InlineData("-p:WarningsAsErrors=MSDRM001%3BMSDRM002")]
    [InlineData("-p:TreatWarningsAsErrors=true")]
    public void Build_WithTheRulesAsErrors_Fails(string argument)
    {
        var consumer = ConsumerProject.Create(package, "as-errors", ConsumerPrograms.LeakyProgram);

        ProcessResult build = consumer.Build(argument);

        Assert.True(build.ExitCode != 0, "the build must fail:\n" + build);
        var errors = BuildDiagnostic.ParseMsDrm(build.Output).Where(d => d.Severity == "error").Select(d => (d.Id, d.Line));
        Assert.Contains(("MSDRM001", LeakLine), errors);
        Assert.Contains(("MSDRM002", IgnoredLine), errors);
    }

    [Fact]
    public void Build_WithErrorLog_WritesSarifListingBothRules()
    {
        var consumer = ConsumerProject.Create(package, "sarif", ConsumerPrograms.LeakyProgram);
        string sarifPath = Path.Combine(consumer.Folder, "msdrm.sarif");

        // %2C keeps the comma inside the one property value (MSBuild splits -p values on commas).
        ProcessResult build = consumer.Build("-p:ErrorLog=" + sarifPath + "%2Cversion=2.1");

        Assert.True(build.ExitCode == 0, build.ToString());
        using JsonDocument sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (
                RuleId: r.GetProperty("ruleId").GetString(),
                Level: r.GetProperty("level").GetString(),
                Uri: r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(),
                Line: r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()))
            .Where(r => r.RuleId is not null && r.RuleId.StartsWith("MSDRM", StringComparison.Ordinal))
            .OrderBy(r => r.Line)
            .ToArray();

        Assert.Collection(
            results,
            r => AssertResult(r, "MSDRM001", LeakLine),
            r => AssertResult(r, "MSDRM002", IgnoredLine));

        static void AssertResult((string? RuleId, string? Level, string? Uri, int Line) result, string id, int line)
        {
            Assert.Equal(id, result.RuleId);
            Assert.Equal("warning", result.Level);
            Assert.EndsWith("/Program.cs", result.Uri);
            Assert.Equal(line, result.Line);
        }
    }

    [Theory]
    [InlineData("error", true)]
    [InlineData("none", false)]
    public void EditorConfig_OverridesThePackageDefaultSeverity(string severity, bool expectFailure)
    {
        var consumer = ConsumerProject.Create(package, "editorconfig-" + severity, ConsumerPrograms.LeakyProgram);
        File.WriteAllText(Path.Combine(consumer.Folder, ".editorconfig"), $"""
            root = true

            [*.cs]
            dotnet_diagnostic.MSDRM001.severity = {severity}
            """);

        ProcessResult build = consumer.Build();

        var diagnostics = BuildDiagnostic.ParseMsDrm(build.Output);
        Assert.True((build.ExitCode != 0) == expectFailure, build.ToString());
        if (expectFailure)
        {
            Assert.Contains(diagnostics, d => d is { Id: "MSDRM001", Severity: "error" } && d.Line == LeakLine);
        }
        else
        {
            Assert.DoesNotContain(diagnostics, d => d.Id == "MSDRM001");
        }

        // MSDRM002 keeps the package default either way.
        Assert.Contains(diagnostics, d => d is { Id: "MSDRM002", Severity: "warning" } && d.Line == IgnoredLine);
    }

    /// <summary>The 1-based column of the msdrm.dll invocation on a line: where the rules report.</summary>
    private static int ColumnOf(int line)
    {
        string text = ConsumerPrograms.LeakyProgram.ReplaceLineEndings("\n").Split('\n')[line - 1];
        return text.IndexOf("Native.", StringComparison.Ordinal) + 1;
    }
}
