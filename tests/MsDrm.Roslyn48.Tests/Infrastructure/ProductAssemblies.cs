using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MsDrm.Roslyn48.Tests.Infrastructure;

/// <summary>
/// The built analyzer and fix assemblies, loaded by name and searched by reflection the way a host
/// finds exported types, so rules and fixes added later run here without editing this leg.
/// </summary>
public static class ProductAssemblies
{
    /// <summary>MsDrm.Analyzers.dll (the rules).</summary>
    public static Assembly Analyzers { get; } = Assembly.Load(new AssemblyName("MsDrm.Analyzers"));

    /// <summary>MsDrm.CodeFixes.dll (the fixes).</summary>
    public static Assembly CodeFixes { get; } = Assembly.Load(new AssemblyName("MsDrm.CodeFixes"));

    /// <summary>A new instance of every exported C# analyzer.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
        Analyzers.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains("C#") == true)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t, nonPublic: true)!)
            .ToImmutableArray();

    /// <summary>A new instance of every exported C# code-fix provider.</summary>
    public static ImmutableArray<CodeFixProvider> CreateCodeFixProviders() =>
        CodeFixes.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttribute<ExportCodeFixProviderAttribute>()?.Languages.Contains("C#") == true)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t, nonPublic: true)!)
            .ToImmutableArray();
}
