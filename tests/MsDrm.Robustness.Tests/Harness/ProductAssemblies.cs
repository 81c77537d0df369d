using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MsDrm.Robustness.Tests.Harness;

/// <summary>Every analyzer and code-fix provider the package ships, found by reflection so new rules are included.</summary>
internal static class ProductAssemblies
{
    internal static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        Instances<DiagnosticAnalyzer>(typeof(MsDrm.Analyzers.DiagnosticIds).Assembly);

    internal static ImmutableArray<CodeFixProvider> CodeFixes { get; } =
        Instances<CodeFixProvider>(Assembly.Load(new AssemblyName("MsDrm.CodeFixes")));

    private static ImmutableArray<T> Instances<T>(Assembly assembly)
        => assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
