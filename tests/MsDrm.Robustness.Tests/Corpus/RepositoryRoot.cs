namespace MsDrm.Robustness.Tests.Corpus;

/// <summary>The repository folder (the one holding MsDrm.Analyzers.sln), found above the test output.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> LazyPath = new(Find);

    internal static string Path => LazyPath.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "MsDrm.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MsDrm.Analyzers.sln was not found above " + AppContext.BaseDirectory);
    }
}
