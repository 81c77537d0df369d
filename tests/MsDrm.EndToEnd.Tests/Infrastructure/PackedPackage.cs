using System.Collections.Concurrent;
using Xunit;

namespace MsDrm.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs src/Runtime once per test run into a temporary feed, with a unique prerelease version
/// (VersionPrefix-e2e.TICKS, the prefix from Directory.Build.props) and separate build output (--artifacts-path), so neither the NuGet cache nor
/// the repository's own bin/obj folders can serve or be disturbed by a stale copy.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    /// <summary>The package id the repository ships.</summary>
    public const string PackageId = "MsDrm.Analyzers";

    private readonly ConcurrentDictionary<string, Lazy<object>> sharedResults = new();

    /// <summary>Packs the package; throws with the build output when packing fails.</summary>
    public PackedPackage()
    {
        TempRoot = Path.Combine(Path.GetTempPath(), "msdrm-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        FeedFolder = Directory.CreateDirectory(Path.Combine(TempRoot, "feed")).FullName;
        PackagesFolder = Directory.CreateDirectory(Path.Combine(TempRoot, "nuget-packages")).FullName;
        Cli = new DotNetCli(PackagesFolder);

        // Packing restores Roslyn and friends from the machine's cache; the package it makes has a
        // version no cache has seen, and consumers restore it into the private cache above.
        string suffix = "e2e." + DateTime.UtcNow.Ticks;
        PackResult = RepositoryCli.Run(
            RepositoryPaths.Root,
            "pack", RepositoryPaths.PackageProject,
            "-c", "Release",
            "-o", FeedFolder,
            "--artifacts-path", Path.Combine(TempRoot, "build"),
            "-p:VersionSuffix=" + suffix,
            "-nodeReuse:false");
        Assert.True(PackResult.ExitCode == 0, "dotnet pack failed:\n" + PackResult);

        string[] packages = Directory.GetFiles(FeedFolder, "*.nupkg");
        Assert.True(packages.Length == 1, "expected one package in the feed:\n" + string.Join('\n', packages));
        PackagePath = packages[0];
        string fileName = Path.GetFileNameWithoutExtension(PackagePath);
        Version = fileName[(PackageId.Length + 1)..];
        Assert.EndsWith("-" + suffix, Version);
    }

    /// <summary>Everything this run writes lives below this folder.</summary>
    public string TempRoot { get; }

    /// <summary>A local NuGet feed holding only the freshly packed package.</summary>
    public string FeedFolder { get; }

    /// <summary>The private NuGet cache (NUGET_PACKAGES) of every dotnet call of this run.</summary>
    public string PackagesFolder { get; }

    /// <summary>
    /// The dotnet CLI with the machine's usual NuGet cache, for building this repository's own
    /// projects (they restore Roslyn and friends, which a fresh cache would download again).
    /// </summary>
    public DotNetCli RepositoryCli { get; } = new(packagesFolder: null);

    /// <summary>The dotnet CLI bound to <see cref="PackagesFolder"/>, for consumer projects.</summary>
    public DotNetCli Cli { get; }

    /// <summary>The output of dotnet pack.</summary>
    public ProcessResult PackResult { get; }

    /// <summary>The .nupkg file.</summary>
    public string PackagePath { get; }

    /// <summary>The version it was packed with.</summary>
    public string Version { get; }

    /// <summary>
    /// A result computed once per test run and shared by the tests that need it (such as one build
    /// of the sample), so slow steps are not repeated.
    /// </summary>
    public T Shared<T>(string key, Func<T> create)
        where T : notnull =>
        (T)sharedResults.GetOrAdd(key, _ => new Lazy<object>(() => create())).Value;

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(TempRoot, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; never fail the run over it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The tests that use the packed package run one after another (2 cores, shared feed).</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Packed MsDrm.Analyzers package";
}
