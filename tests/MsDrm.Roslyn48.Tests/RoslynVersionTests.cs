using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MsDrm.Roslyn48.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MsDrm.Roslyn48.Tests;

/// <summary>
/// This leg is only worth something if it really runs Roslyn 4.8: the loaded compiler and Workspaces,
/// the files in the output folder and what the product assemblies were compiled against all say so.
/// </summary>
public class RoslynVersionTests(ITestOutputHelper output)
{
    private static readonly Version Shipped = new(4, 8, 0, 0);

    private static readonly string[] RoslynAssemblies =
    [
        "Microsoft.CodeAnalysis",
        "Microsoft.CodeAnalysis.CSharp",
        "Microsoft.CodeAnalysis.Workspaces",
        "Microsoft.CodeAnalysis.CSharp.Workspaces",
    ];

    [Fact]
    public void The_loaded_compiler_and_workspaces_are_the_shipped_version()
    {
        Assert.Equal(Shipped, typeof(Compilation).Assembly.GetName().Version);
        Assert.Equal(Shipped, typeof(CSharpCompilation).Assembly.GetName().Version);
        Assert.Equal(Shipped, typeof(Workspace).Assembly.GetName().Version);
        Assert.Equal(Shipped, typeof(Microsoft.CodeAnalysis.CSharp.Formatting.CSharpFormattingOptions).Assembly.GetName().Version);

        // The package's file version too: 4.8.0 (not a later servicing build of the same assembly version).
        string fileVersion = typeof(Compilation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.StartsWith("4.8.0-", fileVersion + "-", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RoslynAssemblyNames))]
    public void The_output_folder_holds_the_shipped_version(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        Assert.True(File.Exists(path), "missing " + path);
        Assert.Equal(Shipped, AssemblyName.GetAssemblyName(path).Version);
    }

    [Fact]
    public void The_product_assemblies_are_compiled_against_no_newer_Roslyn()
    {
        foreach (Assembly product in new[] { ProductAssemblies.Analyzers, ProductAssemblies.CodeFixes })
        {
            var roslyn = product.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, reference => Assert.True(reference.Version <= Shipped, $"{product.GetName().Name} references {reference.FullName}"));
        }
    }

    [Fact]
    public void Only_one_Roslyn_is_loaded_after_running_the_analyzers()
    {
        Assert.NotEmpty(ProductAssemblies.CreateAnalyzers());
        Assert.NotEmpty(ProductAssemblies.CreateCodeFixProviders());
        var assemblies = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => RoslynAssemblies.Contains(a.GetName().Name))
            .ToList();
        foreach (Assembly assembly in assemblies)
        {
            output.WriteLine($"{assembly.GetName().FullName} from {assembly.Location}");
        }

        var loaded = assemblies.Select(a => a.GetName()).ToList();
        Assert.Contains(loaded, n => n.Name == "Microsoft.CodeAnalysis");
        Assert.All(loaded, n => Assert.Equal(Shipped, n.Version));
    }

    public static TheoryData<string> RoslynAssemblyNames() => new(RoslynAssemblies);
}
