using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.Rules;

namespace MsDrm.CodeFixes.Tests.Infrastructure;

/// <summary>The analyzers the code-fix tests run.</summary>
public static class DrmAnalyzers
{
    /// <summary>MSDRM001 and MSDRM002 alone.</summary>
    public static IEnumerable<DiagnosticAnalyzer> Create() => [new MSDRM001HandleNotClosedAnalyzer(), new MSDRM002HresultIgnoredAnalyzer()];

    /// <summary>MSDRM001 and MSDRM002 with the lifetime rules MSDRM003 and MSDRM005.</summary>
    public static IEnumerable<DiagnosticAnalyzer> WithLifetimeRules() => [.. Create(), new MSDRM003UsedAfterCloseAnalyzer(), new MSDRM005CloseOrderAnalyzer()];

    /// <summary>
    /// Every analyzer of the package, found by reflection so a new rule is covered without editing this:
    /// what an MSDRM001/MSDRM002 fix must not make worse.
    /// </summary>
    public static IEnumerable<DiagnosticAnalyzer> All()
        => typeof(MSDRM001HandleNotClosedAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();
}
