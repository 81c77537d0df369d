using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.Tests.MSDRM004;
using MsDrm.Testing.Cases;
using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM006;

/// <summary>
/// MSDRM006 beyond the shared cases' spans: every case's additional locations exactly as marked (the
/// failure tests, or the negative constant's assignment, in source order), the message, shapes that are
/// silent, and broken code.
/// </summary>
public class MSDRM006ErrorMaskedTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (RuleCase rule in MSDRM006Cases.All)
        {
            data.Add(rule.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Additional_locations_are_the_marked_failures_in_order(string name)
    {
        MarkedSource wrong = CaseMarkup.Parse(MSDRM006Cases.All.Single(c => c.Name == name).Wrong);
        ImmutableArray<Diagnostic> diagnostics = await MSDRM004Run.DiagnosticsAsync(wrong.Source);

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.ErrorMasked);
        Assert.Equal(
            wrong.AdditionalLocations.Select(a => wrong.TextOf(a)),
            diagnostic.AdditionalLocations.Select(l => wrong.Source.Substring(l.SourceSpan.Start, l.SourceSpan.Length)));
        Assert.Equal(
            wrong.AdditionalLocations.Select(a => a.Span),
            diagnostic.AdditionalLocations.Select(l => l.SourceSpan));
    }

    [Fact]
    public async Task Message_names_the_local_and_the_close_function()
    {
        ImmutableArray<Diagnostic> diagnostics = await MSDRM004Run.DiagnosticsAsync(Run("""
            int hr = Native.DRMIsActivated(s, 0, IntPtr.Zero);
            if (hr < 0)
            {
                goto Cleanup;
            }

            Console.WriteLine("activated");
            Cleanup:
            hr = Native.DRMCloseSession(dup);
            return hr;
            """));

        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.ErrorMasked);
        Assert.Equal("The failure in 'hr' (failed on line 11) is overwritten by the result of 'DRMCloseSession' before it is returned or thrown", diagnostic.GetMessage());
    }

    public static TheoryData<string> Silent() => new()
    {
        // The failure is logged (passed to a call) before the cleanup: stored elsewhere.
        """
        int hr = Native.DRMIsActivated(s, 0, IntPtr.Zero);
        if (hr < 0) { Console.WriteLine(hr); }
        hr = Native.DRMCloseSession(dup);
        return hr;
        """,

        // The close result is not returned or thrown.
        """
        int hr = Native.DRMIsActivated(s, 0, IntPtr.Zero);
        if (hr < 0) { Console.WriteLine("failed"); }
        hr = Native.DRMCloseSession(dup);
        return 0;
        """,

        // A new value after the close: the close result is gone before the return.
        """
        int hr = Native.DRMIsActivated(s, 0, IntPtr.Zero);
        if (hr < 0) { Console.WriteLine("failed"); }
        hr = Native.DRMCloseSession(dup);
        hr = Native.DRMIsActivated(s, 1, IntPtr.Zero);
        return hr;
        """,

        // Never tested: not known to be a failure.
        """
        int hr = Native.DRMIsActivated(s, 0, IntPtr.Zero);
        hr = Native.DRMCloseSession(dup);
        return hr;
        """,

        // The success side only.
        """
        int hr = Native.DRMIsActivated(s, 0, IntPtr.Zero);
        if (hr >= 0) { hr = Native.DRMCloseSession(dup); return hr; }
        Native.DRMCloseSession(dup);
        return hr;
        """,

        // A positive constant is no failure.
        """
        int hr = 1;
        hr = Native.DRMCloseSession(dup);
        return hr;
        """,

        // A captured local is not followed (a lambda may change it).
        """
        int hr = Native.DRMIsActivated(s, 0, IntPtr.Zero);
        Func<int> read = () => hr;
        if (hr < 0) { Console.WriteLine("failed"); }
        hr = Native.DRMCloseSession(dup);
        return hr + read() * 0;
        """,
    };

    [Theory]
    [MemberData(nameof(Silent))]
    public async Task Shapes_that_keep_or_never_had_the_failure_are_silent(string body)
        => Assert.DoesNotContain(await MSDRM004Run.DiagnosticsAsync(Run(body)), d => d.Id == DiagnosticIds.ErrorMasked);

    [Fact]
    public async Task Unsigned_constant_with_the_severity_bit_is_a_failure()
    {
        string source = """
            using System;
            using MsDrm;

            internal class C
            {
                uint Run(uint s, bool flag)
                {
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                    uint hr = 0;
                    if (flag)
                    {
                        hr = 0x8007000E;
                    }

                    hr = (uint)Native.DRMCloseSession(dup);
                    return hr;
                }
            }
            """;
        Diagnostic diagnostic = Assert.Single(await MSDRM004Run.DiagnosticsAsync(source), d => d.Id == DiagnosticIds.ErrorMasked);
        Assert.Equal("hr = 0x8007000E", source.Substring(diagnostic.AdditionalLocations[0].SourceSpan.Start, diagnostic.AdditionalLocations[0].SourceSpan.Length));
    }

    [Fact]
    public async Task Local_function_is_analysed_in_its_own_graph()
    {
        ImmutableArray<Diagnostic> diagnostics = await MSDRM004Run.DiagnosticsAsync(Run("""
            return Inner();

            int Inner()
            {
                int hr = Native.DRMIsActivated(s, 0, IntPtr.Zero);
                if (hr < 0)
                {
                    hr = Native.DRMCloseSession(dup);
                }

                return hr;
            }
            """));
        Assert.Single(diagnostics, d => d.Id == DiagnosticIds.ErrorMasked);
    }

    public static TheoryData<string> BrokenBodies() => new()
    {
        "int hr = Native.DRMIsActivated(s, 0, IntPtr.Zero); if (hr < ) { hr = Native.DRMCloseSession(dup); } return hr;",
        "int hr = Native.DRMIsActivated(s, 0); if (hr < 0) goto Missing; hr = Native.DRMCloseSession(dup); return hr;",
        "hr = Native.DRMCloseSession(dup); return hr;",
        "int hr = -1; hr = Native.DRMCloseSession(); return hr;",
        "int hr = -1; switch (hr) { case < 0: hr = Native.DRMCloseSession(dup); return hr; case: }",
        "int hr = -1; try { hr = Native.DRMCloseSession(dup); } finally { return hr; }",
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task Broken_code_does_not_crash(string body)
        => await MSDRM004Run.DiagnosticsAsync(Run(body));

    private static string Run(string body) => $$"""
        using System;
        using System.Runtime.InteropServices;
        using MsDrm;

        internal class C
        {
            int Run(uint s)
            {
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));
                {{body}}
            }
        }
        """;
}
