using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using MsDrm.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace MsDrm.EndToEnd.Tests;

/// <summary>What the one MsDrm.Analyzers package holds, read straight from the .nupkg.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class PackageContentsTests
{
    private static readonly string[] ExpectedFiles =
    [
        "README.md",
        "analyzers/dotnet/cs/MsDrm.Analyzers.dll",
        "analyzers/dotnet/cs/MsDrm.CodeFixes.dll",
        "buildTransitive/MsDrm.Analyzers.globalconfig",
        "buildTransitive/MsDrm.Analyzers.props",
        "lib/net8.0/MsDrm.Runtime.dll",
        "lib/net8.0/MsDrm.Runtime.xml",
        "lib/netstandard2.0/MsDrm.Runtime.dll",
        "lib/netstandard2.0/MsDrm.Runtime.xml",
    ];

    private readonly PackedPackage package;

    public PackageContentsTests(PackedPackage package)
    {
        this.package = package;
    }

    [Fact]
    public void Pack_ReportsNoNuGetPackWarnings()
    {
        Assert.DoesNotContain("warning NU5", package.PackResult.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error", package.PackResult.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Package_HoldsExactlyRuntimeAnalyzersBuildFilesAndReadme()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        string[] payload = zip.Entries
            .Select(e => e.FullName)
            .Where(name => !IsPackagingInfrastructure(name))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(ExpectedFiles, payload);
        Assert.DoesNotContain(zip.Entries, e => e.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Nuspec_CarriesMetadata_AndNoAnalyzerOrRoslynDependency()
    {
        XElement metadata = ReadNuspec().Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        XElement Element(string name) => metadata.Elements().Single(e => e.Name.LocalName == name);

        Assert.Equal(PackedPackage.PackageId, Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.StartsWith(VersionPrefixOfTheRepository() + "-e2e.", package.Version);
        Assert.Equal("expression", (string?)Element("license").Attribute("type"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("msdrm.dll", Value("description"), StringComparison.Ordinal);
        Assert.Contains("analyzer", Value("tags"), StringComparison.Ordinal);
        Assert.StartsWith("https://", Value("projectUrl"));
        Assert.Equal("git", (string?)Element("repository").Attribute("type"));
        Assert.StartsWith("https://", (string?)Element("repository").Attribute("url"));

        // The analyzers and code fixes travel inside the package: neither they nor Roslyn are dependencies.
        var dependencies = Element("dependencies").Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string?)e.Attribute("id") ?? string.Empty);
        Assert.DoesNotContain(dependencies, id => id.StartsWith("MsDrm", StringComparison.Ordinal) || id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("analyzers/dotnet/cs/MsDrm.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/MsDrm.CodeFixes.dll")]
    public void AnalyzerAssemblies_TargetNetStandardAndTheShippedRoslyn(string entryName)
    {
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        using var image = new MemoryStream();
        using (Stream entry = zip.GetEntry(entryName)!.Open())
        {
            entry.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new PEReader(image);
        MetadataReader reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences
            .Select(reader.GetAssemblyReference)
            .ToDictionary(r => reader.GetString(r.Name), r => r.Version);

        // Compiled against Roslyn 4.8 so the analyzers load in every IDE and SDK from 4.8 on.
        var roslyn = references.Where(r => r.Key.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToArray();
        Assert.All(roslyn, r => Assert.Equal(new Version(4, 8, 0, 0), r.Value));
        if (entryName.EndsWith("MsDrm.Analyzers.dll", StringComparison.Ordinal))
        {
            Assert.Contains("Microsoft.CodeAnalysis", references.Keys);
        }

        Assert.True(references.ContainsKey("netstandard"), "analyzers must target netstandard2.0");
    }

    [Theory]
    [InlineData("lib/net8.0/MsDrm.Runtime.dll")]
    [InlineData("lib/netstandard2.0/MsDrm.Runtime.dll")]
    public void RuntimeAssemblies_AreDeterministic_WithTheirPdbEmbedded(string entryName)
    {
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        using var image = new MemoryStream();
        using (Stream entry = zip.GetEntry(entryName)!.Open())
        {
            entry.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new PEReader(image);
        var debugEntries = pe.ReadDebugDirectory().Select(d => d.Type).ToArray();

        // Reproducible: a deterministic build. EmbeddedPortablePdb: the symbols (and SourceLink map) travel inside.
        Assert.Contains(DebugDirectoryEntryType.Reproducible, debugEntries);
        Assert.Contains(DebugDirectoryEntryType.EmbeddedPortablePdb, debugEntries);
    }

    private static bool IsPackagingInfrastructure(string name) =>
        name.EndsWith(".nuspec", StringComparison.Ordinal)
        || name.StartsWith("_rels/", StringComparison.Ordinal)
        || name.StartsWith("package/services/", StringComparison.Ordinal)
        || name == "[Content_Types].xml";

    /// <summary>The one place the version is set: VersionPrefix in the root Directory.Build.props.</summary>
    private static string VersionPrefixOfTheRepository() =>
        XDocument.Load(RepositoryPaths.Combine("Directory.Build.props"))
            .Descendants().Single(e => e.Name.LocalName == "VersionPrefix").Value.Trim();

    private XDocument ReadNuspec()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        ZipArchiveEntry nuspec = zip.Entries.Single(e => e.FullName == PackedPackage.PackageId + ".nuspec");
        using Stream stream = nuspec.Open();
        return XDocument.Load(stream);
    }
}
