using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.Rules;

namespace MsDrm.CodeFixes.Tests.Infrastructure;

/// <summary>The analyzers every code-fix test runs: the real MSDRM001, MSDRM002, MSDRM003 and MSDRM005 together (a fix must not add any of them).</summary>
public static class DrmAnalyzers
{
    public static IEnumerable<DiagnosticAnalyzer> Create() => [new MSDRM001HandleNotClosedAnalyzer(), new MSDRM002HresultIgnoredAnalyzer(), new MSDRM003UsedAfterCloseAnalyzer(), new MSDRM005CloseOrderAnalyzer()];
}
