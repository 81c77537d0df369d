namespace MsDrm.EndToEnd.Tests.Infrastructure;

/// <summary>Locates the repository the tests were built from.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds MsDrm.Analyzers.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The project that produces the MsDrm.Analyzers package.</summary>
    public static string PackageProject => Path.Combine(Root, "src", "Runtime", "MsDrm.Runtime.csproj");

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MsDrm.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No MsDrm.Analyzers.sln above {AppContext.BaseDirectory}.");
    }
}
