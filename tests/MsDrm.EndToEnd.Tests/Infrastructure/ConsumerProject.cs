namespace MsDrm.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fresh console project in its own temporary folder that references the packed
/// MsDrm.Analyzers package by id and version, as a user's project would.
/// </summary>
public sealed class ConsumerProject
{
    private readonly PackedPackage package;

    private ConsumerProject(PackedPackage package, string folder)
    {
        this.package = package;
        Folder = folder;
    }

    /// <summary>The project folder.</summary>
    public string Folder { get; }

    /// <summary>The project's Program.cs.</summary>
    public string ProgramPath => Path.Combine(Folder, "Program.cs");

    /// <summary>The project file.</summary>
    public string ProjectPath => Path.Combine(Folder, "Consumer.csproj");

    /// <summary>Writes a new consumer project with <paramref name="programSource"/> as its Program.cs.</summary>
    public static ConsumerProject Create(PackedPackage package, string name, string programSource)
    {
        string folder = Path.Combine(package.TempRoot, "consumers", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);

        // Empty MSBuild and NuGet settings files stop anything above the temp folder from leaking in.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <!-- The freshly packed package; everything else comes from the machine's usual sources. -->
                <add key="msdrm-e2e" value="{package.FeedFolder}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackedPackage.PackageId}" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), programSource);
        return new ConsumerProject(package, folder);
    }

    /// <summary>Runs <c>dotnet</c> in the project folder.</summary>
    public ProcessResult DotNet(params string[] arguments) => package.Cli.Run(Folder, arguments);

    /// <summary>Runs <c>dotnet</c> in the project folder with extra environment variables.</summary>
    public ProcessResult DotNet(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        package.Cli.Run(Folder, environment, arguments);

    /// <summary>Builds the project (restoring first) with extra MSBuild arguments.</summary>
    public ProcessResult Build(params string[] extraArguments) =>
        DotNet(["build", ProjectPath, "-nodeReuse:false", "-c", "Debug", .. extraArguments]);
}
