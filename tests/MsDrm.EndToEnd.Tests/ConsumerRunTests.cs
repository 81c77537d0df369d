using System.Diagnostics;
using MsDrm.EndToEnd.Tests.Infrastructure;
using MsDrm.Testing.FakeNative;
using Xunit;

namespace MsDrm.EndToEnd.Tests;

/// <summary>
/// The consumer program really runs against the fake msdrm library (loaded as msdrm.dll from the
/// loader path), which reports at exit how many handles were still open.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ConsumerRunTests
{
    private readonly PackedPackage package;

    public ConsumerRunTests(PackedPackage package)
    {
        this.package = package;
    }

    [Fact]
    public void UnfixedProgram_LeaksExactlyTheDuplicatedSession()
    {
        BuiltConsumer consumer = ConsumerRuns.Unfixed(package);
        Assert.True(consumer.Build.ExitCode == 0, consumer.Build.ToString());

        FakeMsDrmReport report = RunAgainstFake(consumer.Project);

        // The one MSDRM001 site: the duplicate made in CheckDuplicate is never closed.
        Assert.Equal(1, report.Live);
        Assert.Equal(1, report.Values["session"]);
        Assert.Equal(3, report.Values["created"]);
    }

    [Fact]
    public void FixedProgram_LeavesNoLiveHandles()
    {
        FixedConsumer consumer = ConsumerRuns.Fixed(package);
        Assert.True(consumer.Build.ExitCode == 0, consumer.Build + "\n" + consumer.FixedSource);

        FakeMsDrmReport report = RunAgainstFake(consumer.Project);

        Assert.Equal(0, report.Live);
        Assert.Equal(3, report.Values["created"]);
        Assert.Equal(3, report.Values["closed"]);
        Assert.Equal(0, report.DoubleCloses);
        Assert.Equal(0, report.UseAfterClose);
    }

    /// <summary>Runs the built consumer with the fake on the loader path and reads the fake's exit report.</summary>
    private static FakeMsDrmReport RunAgainstFake(ConsumerProject consumer)
    {
        string reportPath = Path.Combine(consumer.Folder, "fake-msdrm-report.txt");
        var prepared = new ProcessStartInfo();
        FakeMsDrm.PrepareChildProcess(prepared, reportPath);
        var environment = new Dictionary<string, string?>();
        foreach (string name in new[] { "LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "PATH", "FAKE_MSDRM_REPORT" })
        {
            if (prepared.Environment.TryGetValue(name, out string? value) && value != Environment.GetEnvironmentVariable(name))
            {
                environment[name] = value;
            }
        }

        string program = Path.Combine(consumer.Folder, "bin", "Debug", "net10.0", "Consumer.dll");
        ProcessResult run = consumer.DotNet(environment, program);

        Assert.True(run.ExitCode == 0, "the consumer program failed:\n" + run);
        Assert.Contains("done", run.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(reportPath), "the fake wrote no report:\n" + run);
        return FakeMsDrmReport.Read(reportPath);
    }
}
