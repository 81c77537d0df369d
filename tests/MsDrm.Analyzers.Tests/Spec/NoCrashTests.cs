using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.Rules;
using MsDrm.Testing;
using Xunit;

namespace MsDrm.Analyzers.Tests.Spec;

/// <summary>
/// Common brief: "never throw (no AD0001 on any input, including broken code)". Broken programs run
/// through both analyzers; only exceptions and AD0001 are checked, not what the rules report.
/// </summary>
public sealed class NoCrashTests
{
    public static TheoryData<string> BrokenBodies() => new()
    {
        "Native.DRMDuplicateSession(session, out uint copy",
        "Native.DRMDuplicateSession(out uint copy);",
        "int hr = Native.DRMDuplicateSession(session, out undeclared);",
        "Native.DRMDuplicateSession(session, out uint copy); Native.DRMCloseSession(",
        "if (Native.DRMDuplicateSession(session, out uint copy) >= ) { Native.DRMCloseSession(copy); }",
        "Native.DRMCloseSession(Missing.Value); int hr = ;",
        "for (;;) { Native.DRMGetUsers(license, i, out uint user); }",
        "goto nowhere; Native.DRMRepair();",
        "Native.DRMDuplicateSession(session, out var copy, 42); return copy;",
        "var s = SafeDrmSessionHandle.Adopt(); s.Duplicate(1);",
        "Native.DRMDuplicateSession(session, out uint copy); Func<int> f = () => { Native.DRMCloseSession(copy) };",
        "switch (Native.DRMRepair()) { case < 0: break; case: }",
        "Native.DRMDuplicateSession(session, out uint copy); await Task.Delay(1); Native.DRMCloseSession(copy);",
        "uint* p = null; Native.DRMDuplicateSession(session, out *p);",
        "Native.DRMDuplicateSession(session, ref copy2); using var x = ;",
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task Broken_code_never_causes_AD0001(string body)
    {
        // Compile adds the Native declarations itself.
        Compilation compilation = CompilationAnalyzerRunner.Compile(new[] { ("/User.cs", SpecPrograms.InMethod(body)) });
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new MSDRM001HandleNotClosedAnalyzer(), new MSDRM002HresultIgnoredAnalyzer());
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(compilation, analyzers, "root = true\n[*]\nmsdrm.check_close_results = true\nmsdrm.internal.rethrow_exceptions = true\n");
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "AD0001");
    }
}
