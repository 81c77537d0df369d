using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.Rules;

namespace MsDrm.CodeFixes.Tests.Infrastructure;

/// <summary>The analyzers every code-fix test runs: the real MSDRM001 and MSDRM002 together.</summary>
public static class DrmAnalyzers
{
    public static IEnumerable<DiagnosticAnalyzer> Create() => [new MSDRM001HandleNotClosedAnalyzer(), new MSDRM002HresultIgnoredAnalyzer()];
}
