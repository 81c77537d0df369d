using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MsDrm.Testing;

/// <summary>
/// Offline references for test compilations: the .NET 8 reference assemblies shipped inside
/// Basic.Reference.Assemblies.Net80, plus the runtime wrapper (MsDrm.Runtime).
/// </summary>
public static class TestReferences
{
    /// <summary>A target framework with no package to download: the references come from <see cref="All"/>.</summary>
    public static ReferenceAssemblies None { get; } = new("net8.0");

    /// <summary>The runtime wrapper assembly, as user code references it.</summary>
    public static MetadataReference Runtime { get; } =
        MetadataReference.CreateFromFile(typeof(MsDrm.SafeDrmSessionHandle).Assembly.Location);

    /// <summary>.NET 8 reference assemblies.</summary>
    public static ImmutableArray<MetadataReference> Net80 { get; } =
        Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToImmutableArray();

    /// <summary>.NET 8 plus the runtime wrapper.</summary>
    public static ImmutableArray<MetadataReference> Net80WithRuntime { get; } = Net80.Add(Runtime);
}
