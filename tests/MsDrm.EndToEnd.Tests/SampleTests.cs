using MsDrm.EndToEnd.Tests.Infrastructure;
using MsDrm.Testing.FakeNative;
using Xunit;

namespace MsDrm.EndToEnd.Tests;

/// <summary>
/// samples/MsDrm.Sample does what the README says: its build shows exactly the warnings its comments
/// announce, and run against the fake it leaks exactly the handles those warnings are about.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class SampleTests
{
    private static readonly string SampleFolder = RepositoryPaths.Combine("samples", "MsDrm.Sample");
    private readonly PackedPackage package;

    public SampleTests(PackedPackage package)
    {
        this.package = package;
    }

    [Fact]
    public void Build_ShowsExactlyTheAnnouncedWarnings()
    {
        ProcessResult build = BuildSample();

        Assert.True(build.ExitCode == 0, "the sample's warnings must not fail its build:\n" + build);
        var actual = BuildDiagnostic.ParseMsDrm(build.Output)
            .Select(d => $"{d.File}:{d.Line} {d.Severity} {d.Id}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(AnnouncedWarnings(), actual);
    }

    [Fact]
    public void Run_AgainstTheFake_LeaksTheAnnouncedHandles()
    {
        ProcessResult build = BuildSample();
        Assert.True(build.ExitCode == 0, build.ToString());
        string reportPath = Path.Combine(package.TempRoot, "sample-report-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        string program = Path.Combine(SampleArtifacts, "bin", "MsDrm.Sample", "debug", "MsDrm.Sample.dll");

        ProcessResult run = package.RepositoryCli.Run(
            SampleFolder,
            new Dictionary<string, string?>
            {
                ["MSDRM_FAKE_LIBRARY"] = FakeMsDrm.LibraryPath,
                ["FAKE_MSDRM_REPORT"] = reportPath,
            },
            program);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("done", run.StandardOutput, StringComparison.Ordinal);
        FakeMsDrmReport report = FakeMsDrmReport.Read(reportPath);

        // SessionAudit: the checked duplicate and the spare session; UserListing: both users of the license.
        Assert.Equal(2, report.Values["session"]);
        Assert.Equal(2, report.Values["pub"]);
        Assert.Equal(4, report.Live);
        Assert.Equal(0, report.DoubleCloses);
        Assert.Equal(0, report.UseAfterClose);
    }

    /// <summary>
    /// Every comment in the sample that names a rule (<c>// MSDRM001: ...</c>, <c>// MSDRM002 and
    /// MSDRM001: ...</c>) announces those warnings on the line below it.
    /// </summary>
    private static IEnumerable<string> AnnouncedWarnings()
    {
        var announced = new List<string>();
        foreach (string file in Directory.GetFiles(SampleFolder, "*.cs"))
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length - 1; i++)
            {
                string line = lines[i].Trim();
                if (!line.StartsWith("// MSDRM", StringComparison.Ordinal))
                {
                    continue;
                }

                string rules = line[3..line.IndexOf(':')];
                foreach (string id in rules.Split(" and ", StringSplitOptions.TrimEntries))
                {
                    announced.Add($"{Path.GetFileName(file)}:{i + 2} warning {id}");
                }
            }
        }

        return announced.Order(StringComparer.Ordinal);
    }

    private string SampleArtifacts => Path.Combine(package.TempRoot, "sample");

    /// <summary>
    /// Builds the sample once per run, with its own output folders (--artifacts-path) so the
    /// repository's bin/obj folders stay untouched while other test projects use them.
    /// </summary>
    private ProcessResult BuildSample() =>
        package.Shared(nameof(BuildSample), () => package.RepositoryCli.Run(
            SampleFolder,
            "build", Path.Combine(SampleFolder, "MsDrm.Sample.csproj"),
            "--artifacts-path", SampleArtifacts,
            "-nodeReuse:false"));
}
