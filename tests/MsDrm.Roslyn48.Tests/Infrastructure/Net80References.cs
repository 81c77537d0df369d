using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace MsDrm.Roslyn48.Tests.Infrastructure;

/// <summary>
/// References of test compilations: the .NET 8 reference assemblies from the targeting pack the SDK
/// restored (its path is written into this assembly at build time), plus the runtime wrapper.
/// </summary>
public static class Net80References
{
    /// <summary>The folder holding the .NET 8 reference assemblies.</summary>
    public static string Folder { get; } = FindFolder();

    /// <summary>The .NET 8 reference assemblies.</summary>
    public static ImmutableArray<MetadataReference> Net80 { get; } =
        Directory.GetFiles(Folder, "*.dll")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    /// <summary>.NET 8 plus MsDrm.Runtime (the SafeDrm*Handle wrappers the cases use).</summary>
    public static ImmutableArray<MetadataReference> Net80WithRuntime { get; } =
        Net80.Add(MetadataReference.CreateFromFile(Assembly.Load(new AssemblyName("MsDrm.Runtime")).Location));

    private static string FindFolder()
    {
        string? pack = typeof(Net80References).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "Net80TargetingPack")?.Value;
        if (string.IsNullOrEmpty(pack))
        {
            throw new InvalidOperationException("The build wrote no Net80TargetingPack attribute (see the project file).");
        }

        string folder = Path.Combine(pack, "ref", "net8.0");
        if (!File.Exists(Path.Combine(folder, "System.Runtime.dll")))
        {
            throw new InvalidOperationException("No .NET 8 reference assemblies in " + folder + "; restore the solution.");
        }

        return folder;
    }
}
