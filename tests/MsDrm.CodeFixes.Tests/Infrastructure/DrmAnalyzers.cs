using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.Rules;

namespace MsDrm.CodeFixes.Tests.Infrastructure;

/// <summary>The analyzers every code-fix test runs: the real MSDRM001 and MSDRM002 together.</summary>
public static class DrmAnalyzers
{
    public static IEnumerable<DiagnosticAnalyzer> Create() => [new MSDRM001HandleNotClosedAnalyzer(), new MSDRM002HresultIgnoredAnalyzer()];

    /// <summary>
    /// MSDRM001 and MSDRM002 with the lifetime rules MSDRM003 and MSDRM005: what their fixes must not make
    /// worse. (Not yet for every fix test: some MSDRM001 fixes close out of order or before a loop-carried
    /// use, which these rules report; see the MSDRM003/MSDRM005 pages.)
    /// </summary>
    public static IEnumerable<DiagnosticAnalyzer> WithLifetimeRules() => [.. Create(), new MSDRM003UsedAfterCloseAnalyzer(), new MSDRM005CloseOrderAnalyzer()];
}
