using System.Diagnostics;
using MsDrm.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace MsDrm.EndToEnd.Tests.LanguageServer;

/// <summary>
/// The csharp-ls language server (a .NET tool from the package registry), installed by the test
/// itself into a tool path below the run's temporary folder, so a clean machine needs nothing by hand.
/// </summary>
public sealed class CSharpLsTool
{
    /// <summary>The tool's package id.</summary>
    public const string PackageId = "csharp-ls";

    /// <summary>The version the test is written against (the first with <c>csharp.analyzersEnabled</c> was 0.24.0).</summary>
    public const string Version = "0.28.0";

    private CSharpLsTool(string executable, TimeSpan installTime)
    {
        Executable = executable;
        InstallTime = installTime;
    }

    /// <summary>The tool's launcher in the tool path.</summary>
    public string Executable { get; }

    /// <summary>How long <c>dotnet tool install</c> took.</summary>
    public TimeSpan InstallTime { get; }

    /// <summary>
    /// Installs the tool once per test run; fails the test, naming the tool, when no package source
    /// serves it (the editor promise cannot be checked without it, so this is not a skip).
    /// </summary>
    public static CSharpLsTool Install(PackedPackage package) =>
        package.Shared(nameof(CSharpLsTool), () =>
        {
            string toolPath = Path.Combine(package.TempRoot, "tools");
            var stopwatch = Stopwatch.StartNew();
            ProcessResult install = package.Cli.Run(
                package.TempRoot,
                "tool", "install", PackageId, "--version", Version, "--tool-path", toolPath);
            stopwatch.Stop();

            string executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? PackageId + ".exe" : PackageId);
            Assert.True(
                install.ExitCode == 0 && File.Exists(executable),
                $"The C# language server tool '{PackageId}' {Version} could not be installed with 'dotnet tool install' " +
                $"(is a NuGet source that serves it configured?). It is needed to check the warnings in an editor.\n{install}");
            return new CSharpLsTool(executable, stopwatch.Elapsed);
        });
}
