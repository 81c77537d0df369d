namespace MsDrm.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs the dotnet CLI the way the end-to-end tests need it: no telemetry, no build servers left
/// behind, and a private NuGet package cache so that no stale copy of MsDrm.Analyzers is ever used.
/// </summary>
public sealed class DotNetCli
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(4);
    private readonly string? packagesFolder;

    /// <summary>
    /// Creates a CLI runner whose restores extract packages into <paramref name="packagesFolder"/>,
    /// or into the machine's usual cache when it is null.
    /// </summary>
    public DotNetCli(string? packagesFolder)
    {
        this.packagesFolder = packagesFolder;
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public ProcessResult Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs <c>dotnet</c> with extra environment variables.</summary>
    public ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> extraEnvironment, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, ChildEnvironment(extraEnvironment), DefaultTimeout);

    /// <summary>
    /// The environment of every child this CLI starts (null removes a variable), for children that
    /// are not one-shot <c>dotnet</c> commands, such as a language server.
    /// </summary>
    public Dictionary<string, string?> ChildEnvironment(IReadOnlyDictionary<string, string?> extraEnvironment)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            // Build servers would outlive the test and hold files in the temporary folder.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
            // The test host's own MSBuild settings must not leak into the child builds.
            ["MSBuildSDKsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBuildExtensionsPath"] = null,
        };
        if (packagesFolder is not null)
        {
            environment["NUGET_PACKAGES"] = packagesFolder;
        }

        foreach ((string name, string? value) in extraEnvironment)
        {
            environment[name] = value;
        }

        return environment;
    }
}
