using MsDrm.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace MsDrm.EndToEnd.Tests;

/// <summary>
/// The code fixes in the package repair a user's project from the command line
/// (<see cref="ConsumerRunTests"/> runs the repaired program against the fake msdrm library).
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ConsumerFixTests
{
    private readonly PackedPackage package;

    public ConsumerFixTests(PackedPackage package)
    {
        this.package = package;
    }

    [Fact]
    public void DotnetFormat_FixesBothRules_AndTheBuildIsThenClean()
    {
        FixedConsumer consumer = ConsumerRuns.Fixed(package);

        Assert.True(consumer.Format.ExitCode == 0, "dotnet format failed:\n" + consumer.Format);
        string fixedSource = consumer.FixedSource;
        Assert.True(fixedSource.Contains("SafeDrmSessionHandle.Adopt(duplicate)", StringComparison.Ordinal), "MSDRM001 not fixed:\n" + fixedSource);
        Assert.True(fixedSource.Contains("ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy))", StringComparison.Ordinal), "MSDRM002 not fixed:\n" + fixedSource);

        Assert.True(consumer.Build.ExitCode == 0, "the fixed program must build with -warnaserror:\n" + consumer.Build + "\n" + fixedSource);
        Assert.Empty(BuildDiagnostic.ParseMsDrm(consumer.Build.Output));
    }
}
