using Microsoft.CodeAnalysis.Testing;
using MsDrm.Analyzers.Rules;
using MsDrm.Testing;
using Xunit;
using Verify001 = MsDrm.Testing.CSharpAnalyzerVerifier<MsDrm.Analyzers.Rules.MSDRM001HandleNotClosedAnalyzer>;
using Verify002 = MsDrm.Testing.CSharpAnalyzerVerifier<MsDrm.Analyzers.Rules.MSDRM002HresultIgnoredAnalyzer>;

namespace MsDrm.Analyzers.Tests.Summaries;

/// <summary>
/// What a diagnostic found through a summary says (DESIGN: reported at the caller, on the call of
/// the user's method; the message names the helper; additional location: the DRM call inside it).
/// </summary>
public sealed class SummaryReportTests
{
    private const string Rms = """
        using System;
        using MsDrm;

        internal static class Rms
        {
            public static int Duplicate(uint session, out uint copy) => {|#1:Native.DRMDuplicateSession(session, out copy)|};

            public static int DuplicateTwice(uint session, out uint copy) => Duplicate(session, out copy);

            public static int Activate(uint client) => Native.DRMIsActivated(client, 1, IntPtr.Zero);
        }

        internal static class User
        {
            public static void Run(uint session)
            {
                int hr = {|#0:Rms.Duplicate(session, out uint copy)|};
                if ({|#4:hr < 0|}) return;
                Console.WriteLine(copy);
            {|#5:}|}

            public static void RunTwice(uint session)
            {
                {|#2:Rms.DuplicateTwice(session, out uint copy)|};
            {|#6:}|}

            public static void Check(uint client)
            {
                {|#3:Rms.Activate(client)|};
            }
        }
        """;

    [Fact]
    public Task Leak_through_a_helper_names_the_helper_and_shows_the_inner_call() => new Verify001.Test
    {
        TestCode = Rms,
        ExpectedDiagnostics =
        {
            // Additional locations: where the path loses it, the success test, the DRM call inside the helper.
            Verify001.Diagnostic().WithLocation(0).WithLocation(5).WithLocation(4).WithLocation(1)
                .WithMessage("Handle 'copy' created by 'DRMDuplicateSession' through 'Rms.Duplicate' is not closed with 'DRMCloseSession' on every path (still open at the end of the method on line 20)"),

            // Two levels: the helper called here, and the DRM call at the bottom of the chain.
            Verify001.Diagnostic().WithLocation(2).WithLocation(6).WithLocation(1).WithArguments("copy", "DRMDuplicateSession' through 'Rms.DuplicateTwice", "DRMCloseSession", "still open at the end of the method on line 25"),
        },
    }.RunAsync(CancellationToken.None);

    [Fact]
    public Task Dropped_forwarded_HRESULT_names_the_helper() => new Verify002.Test
    {
        TestCode = Rms.Replace("{|#1:", string.Empty).Replace("out copy)|}", "out copy)").Replace("{|#4:hr < 0|}", "hr < 0").Replace("{|#5:}|}", "}").Replace("{|#6:}|}", "}"),
        ExpectedDiagnostics =
        {
            Verify002.Diagnostic().WithLocation(2).WithArguments("Rms.DuplicateTwice"),
            Verify002.Diagnostic().WithLocation(3).WithMessage("The HRESULT returned by 'Rms.Activate' is ignored"),
        },
    }.RunAsync(CancellationToken.None);

    [Fact]
    public async Task Properties_of_a_leak_through_a_helper_carry_the_kind_and_the_creating_function()
    {
        var compilation = CompilationAnalyzerRunner.Compile(new[] { ("/User.cs", System.Text.RegularExpressions.Regex.Replace(Rms, @"\{\|#\d+:", string.Empty).Replace("|}", string.Empty)) });
        var run = await CompilationAnalyzerRunner.RunAsync(compilation, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new MSDRM001HandleNotClosedAnalyzer()));
        Microsoft.CodeAnalysis.Diagnostic leak = run.AnalyzerDiagnostics.First(d => d.Location.GetLineSpan().StartLinePosition.Line == 16);
        HandleDiagnosticData data = HandleDiagnosticData.TryRead(leak.Properties)!;
        Assert.Equal(MsDrm.Analyzers.ApiModel.HandleKind.Session, data.Kind);
        Assert.Equal("DRMDuplicateSession", data.Function);
        Assert.Equal("copy", data.Variable);
        Assert.True(data.SuccessConditional);
        Assert.False(data.IsWrapper);
    }
}
