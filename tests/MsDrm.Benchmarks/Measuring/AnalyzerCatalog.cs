using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MsDrm.Benchmarks.Measuring;

/// <summary>
/// Finds the analyzers to measure: ours by reflection over MsDrm.Analyzers (whatever rules it holds
/// today), the third-party ones from the package copies the build puts under third-party/.
/// </summary>
internal static class AnalyzerCatalog
{
    internal const string OursName = "MsDrm (ours)";
    internal const string NetAnalyzersName = "CA2000+CA1806";
    internal const string IDisposableName = "IDisposableAnalyzers";

    private static readonly string[] NetAnalyzerIds = { "CA2000", "CA1806" };

    /// <summary>Every C# analyzer in the MsDrm.Analyzers assembly.</summary>
    internal static AnalyzerSet Ours() => new(
        OursName,
        CreateAnalyzers(typeof(MsDrm.Analyzers.DiagnosticIds).Assembly),
        ImmutableDictionary<string, ReportDiagnostic>.Empty);

    internal const string OursRuleByRuleName = "MsDrm, rule by rule";

    /// <summary>
    /// Our rules each as its own analyzer (MSDRM001–006 as they run in their tests, not behind the
    /// shipped one callback), so the driver's telemetry shows each rule's time.
    /// </summary>
    internal static AnalyzerSet OursRuleByRule() => new(
        OursRuleByRuleName,
        MsDrm.Analyzers.Rules.DrmCallRulesAnalyzer.Rules
            .Select(rule => (DiagnosticAnalyzer)Activator.CreateInstance(rule.GetType())!)
            .Concat(Ours().Analyzers.Where(a => a is not MsDrm.Analyzers.Rules.DrmCallRulesAnalyzer))
            .ToImmutableArray(),
        ImmutableDictionary<string, ReportDiagnostic>.Empty);

    internal const string OursGcAccountedName = "MsDrm, GC accounted";

    /// <summary>Our shipped analyzers, each inside a <see cref="GcAccountingAnalyzer"/>: the GC pauses inside our callbacks.</summary>
    internal static AnalyzerSet OursGcAccounted() => new(
        OursGcAccountedName,
        Ours().Analyzers.Select(a => (DiagnosticAnalyzer)new GcAccountingAnalyzer(a)).ToImmutableArray(),
        ImmutableDictionary<string, ReportDiagnostic>.Empty);

    /// <summary>The NetAnalyzers analyzers that report CA2000 or CA1806, with both rules switched on.</summary>
    internal static AnalyzerSet NetAnalyzers()
    {
        var analyzers = LoadFolder("NetAnalyzers")
            .Where(a => a.SupportedDiagnostics.Any(d => NetAnalyzerIds.Contains(d.Id)))
            .ToImmutableArray();
        return new AnalyzerSet(
            NetAnalyzersName,
            analyzers,
            NetAnalyzerIds.ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn));
    }

    /// <summary>Every analyzer of IDisposableAnalyzers, with their default severities.</summary>
    internal static AnalyzerSet IDisposable() => new(
        IDisposableName, LoadFolder("IDisposableAnalyzers"), ImmutableDictionary<string, ReportDiagnostic>.Empty);

    private static ImmutableArray<DiagnosticAnalyzer> LoadFolder(string folder)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "third-party", folder);
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"Analyzer copies not found at {path}; build the benchmark project first.");
        }

        return Directory.GetFiles(path, "*.dll")
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => CreateAnalyzers(Assembly.LoadFrom(f)))
            .ToImmutableArray();
    }

    private static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers(Assembly assembly)
    {
        return LoadableTypes(assembly)
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .Where(t => t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    // Code-fix types may reference a Workspaces version that is not loaded; skip what fails to load.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }
}
