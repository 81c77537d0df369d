using Microsoft.CodeAnalysis.Testing;
using MsDrm.Analyzers.Rules;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.MSDRM001;

/// <summary>
/// docs/rules/MSDRM001.md: "Reported on the creating invocation; the message names the variable, the
/// creating function and the close function that must receive it."
/// </summary>
public sealed class MSDRM001ReportTests
{
    [Fact]
    public Task Report_one_diagnostic_per_leaked_handle_of_InitEnvironment()
        => Verify<MSDRM001HandleNotClosedAnalyzer>(
            InMethod("""
                    {|#0:Native.DRMInitEnvironment(0, 0, "p", "m", "c", out uint newEnv, out uint defaultLibrary)|};
            """),
            expected: new[]
            {
                new DiagnosticResult(Descriptors.HandleNotClosed).WithLocation(0).WithArguments("newEnv", "DRMInitEnvironment", "DRMCloseEnvironmentHandle", "still open at the end of the method on line 16").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                new DiagnosticResult(Descriptors.HandleNotClosed).WithLocation(0).WithArguments("defaultLibrary", "DRMInitEnvironment", "DRMCloseHandle", "still open at the end of the method on line 16").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            });

    [Fact]
    public Task Report_wrong_close_names_the_matching_close_function()
        => Verify<MSDRM001HandleNotClosedAnalyzer>(
            InMethod("""
                    {|#0:Native.DRMParseUnboundLicense("cert", out uint query)|};
                    Native.DRMCloseHandle(query);
            """),
            expected: new DiagnosticResult(Descriptors.HandleNotClosed).WithLocation(0).WithArguments("query", "DRMParseUnboundLicense", "DRMCloseQueryHandle", "still open at the end of the method on line 17").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Report_for_ref_argument_names_the_variable()
        => Verify<MSDRM001HandleNotClosedAnalyzer>(
            Raw("""
            internal static class Own
            {
                [DllImport("msdrm.dll")] public static extern int DRMDuplicatePubHandle(uint source, ref uint copy);
            }

            internal static class User
            {
                public static void Run(uint pub)
                {
                    uint pubCopy = 0;
                    {|#0:Own.DRMDuplicatePubHandle(pub, ref pubCopy)|};
                }
            }
            """),
            expected: new DiagnosticResult(Descriptors.HandleNotClosed).WithLocation(0).WithArguments("pubCopy", "DRMDuplicatePubHandle", "DRMClosePubHandle", "still open at the end of the method on line 17").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Report_using_discard_named_local_adopting_is_silent()
        => Verify<MSDRM001HandleNotClosedAnalyzer>(InMethod("""
                if (Native.DRMDuplicateSession(session, out uint copy) < 0) return;
                using var _ = SafeDrmSessionHandle.Adopt(copy);
        """));

    [Fact]
    public Task Report_expression_bodied_local_function_drops_hresult_for_MSDRM002()
        => Verify<MSDRM002HresultIgnoredAnalyzer>(InMethod("""
                Repair();

                void Repair() => {|MSDRM002:Native.DRMRepair()|};
        """));
}
