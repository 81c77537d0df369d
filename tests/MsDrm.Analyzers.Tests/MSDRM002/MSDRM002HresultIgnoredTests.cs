using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MsDrm.Analyzers.Rules;
using MsDrm.Testing;
using MsDrm.Testing.Cases;
using Xunit;
using Verify = MsDrm.Testing.CSharpAnalyzerVerifier<MsDrm.Analyzers.Rules.MSDRM002HresultIgnoredAnalyzer>;

namespace MsDrm.Analyzers.Tests.MSDRM002;

public sealed class MSDRM002HresultIgnoredTests
{
    private const string OptionOn = "root = true\n[*]\nmsdrm.check_close_results = true\n";

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (RuleCase c in HresultIgnoredCases.All)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Fact]
    public void Cases_are_many_and_uniquely_named()
    {
        Assert.True(HresultIgnoredCases.All.Count >= 45, $"only {HresultIgnoredCases.All.Count} cases");
        Assert.Equal(HresultIgnoredCases.All.Count, HresultIgnoredCases.All.Select(c => c.Name).Distinct().Count());
        Assert.All(HresultIgnoredCases.All, c => Assert.Contains("{|MSDRM002:", c.Wrong));
        Assert.All(HresultIgnoredCases.All, c => Assert.DoesNotContain("{|", c.Correct));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Wrong_reports_exactly_the_markup(string name)
        => Verify.VerifyAnalyzerAsync(HresultIgnoredCases.Get(name).Wrong);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Correct_is_silent(string name)
        => Verify.VerifyAnalyzerAsync(HresultIgnoredCases.Get(name).Correct);

    [Fact]
    public Task Message_names_the_export()
        => Verify.VerifyAnalyzerAsync(
            Method("{|#0:Native.DRMDuplicateSession(session, out uint copy)|}; Native.DRMCloseSession(copy);"),
            Verify.Diagnostic(DiagnosticIds.HresultIgnored)
                .WithLocation(0)
                .WithSeverity(DiagnosticSeverity.Warning)
                .WithMessage("The HRESULT returned by 'DRMDuplicateSession' is ignored"));

    [Fact]
    public Task Message_uses_the_export_name_not_the_renamed_method()
        => Verify.VerifyAnalyzerAsync(
            Method(
                "{|#0:Own.Copy(session, out uint copy)|}; Native.DRMCloseSession(copy);",
                """
                    private static class Own
                    {
                        [DllImport("msdrm.dll", EntryPoint = "DRMDuplicateSession")] internal static extern int Copy(uint source, out uint copy);
                    }
                """),
            Verify.Diagnostic(DiagnosticIds.HresultIgnored)
                .WithLocation(0)
                .WithMessage("The HRESULT returned by 'DRMDuplicateSession' is ignored"));

    [Fact]
    public async Task Properties_carry_function_and_close_flag()
    {
        Diagnostic[] diagnostics = await DiagnosticsOf(
            Method("Native.DRMRepair(); Native.DRMCloseSession(session);"),
            OptionOn);
        Assert.Equal(2, diagnostics.Length);
        Diagnostic repair = diagnostics.Single(d => d.GetMessage().Contains("DRMRepair"));
        Diagnostic close = diagnostics.Single(d => d.GetMessage().Contains("DRMCloseSession"));
        Assert.Equal("DRMRepair", repair.Properties[DiagnosticProperties.Function]);
        Assert.Equal("false", repair.Properties[DiagnosticProperties.IsClose]);
        Assert.Equal("DRMCloseSession", close.Properties[DiagnosticProperties.Function]);
        Assert.Equal("true", close.Properties[DiagnosticProperties.IsClose]);
    }

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    public async Task Severity_follows_editorconfig(string configured, DiagnosticSeverity expected)
    {
        Diagnostic[] diagnostics = await DiagnosticsOf(
            Method("Native.DRMRepair();"),
            $"root = true\n[*]\ndotnet_diagnostic.MSDRM002.severity = {configured}\n");
        Assert.Equal(expected, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public async Task Default_severity_is_warning()
    {
        Diagnostic[] diagnostics = await DiagnosticsOf(Method("Native.DRMRepair();"), editorConfig: null);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public Task Severity_none_from_editorconfig_silences()
    {
        var test = new Verify.Test { TestCode = Method("Native.DRMRepair();") };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.MSDRM002.severity = none\n"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("DRMCloseSession")]
    [InlineData("DRMCloseHandle")]
    [InlineData("DRMClosePubHandle")]
    [InlineData("DRMCloseEnvironmentHandle")]
    [InlineData("DRMCloseQueryHandle")]
    public Task Close_functions_are_silent_by_default(string close)
        => Verify.VerifyAnalyzerAsync(Method($"Native.{close}(session); int hr = Native.{close}(env);"));

    [Theory]
    [InlineData("DRMCloseSession")]
    [InlineData("DRMCloseHandle")]
    [InlineData("DRMClosePubHandle")]
    [InlineData("DRMCloseEnvironmentHandle")]
    [InlineData("DRMCloseQueryHandle")]
    public Task Close_functions_are_reported_with_the_option(string close)
    {
        var test = new Verify.Test { TestCode = Method($"[|Native.{close}(session)|]; int hr = [|Native.{close}(env)|];") };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", OptionOn));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData(" true ", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("yes", false)]
    [InlineData("1", false)]
    [InlineData("", false)]
    public async Task Option_parses_true_and_false_case_insensitively(string value, bool reported)
    {
        Diagnostic[] diagnostics = await DiagnosticsOf(
            Method("Native.DRMCloseSession(session);"),
            $"root = true\n[*]\nmsdrm.check_close_results = {value}\n");
        Assert.Equal(reported ? 1 : 0, diagnostics.Length);
    }

    [Fact]
    public Task Option_is_per_file()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/checked/A.cs", Method("[|Native.DRMCloseSession(session)|];", className: "A")),
                    ("/unchecked/B.cs", Method("Native.DRMCloseSession(session);", className: "B")),
                },
                AnalyzerConfigFiles = { ("/checked/.editorconfig", "[*.cs]\nmsdrm.check_close_results = true\n") },
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Close_result_stored_and_dropped_is_reported_with_the_option()
    {
        var test = new Verify.Test
        {
            TestCode = Method("""
                try
                {
                    Console.WriteLine(session);
                }
                finally
                {
                    int hr = [|Native.DRMCloseSession(session)|];
                }
                """),
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", OptionOn));
        return test.RunAsync();
    }

    [Fact]
    public Task Discards_are_silent()
        => Verify.VerifyAnalyzerAsync(Method("""
            _ = Native.DRMRepair();
            _ = Native.DRMCloseSession(session);
            _ = (int)Native.DRMGetClientVersion(IntPtr.Zero);
            Action a = () => _ = Native.DRMRepair();
            a();
            """));

    [Fact]
    public Task Discard_is_silent_even_with_the_option()
    {
        var test = new Verify.Test { TestCode = Method("_ = Native.DRMCloseSession(session);") };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", OptionOn));
        return test.RunAsync();
    }

    [Fact]
    public Task Reads_of_every_kind_are_silent()
        => Verify.VerifyAnalyzerAsync(Method(
            """
            field = Native.DRMRepair();
            Property = Native.DRMRepair();
            int[] results = new int[2];
            results[0] = Native.DRMRepair();
            Console.WriteLine(Native.DRMRepair());
            bool ok = Native.DRMRepair() >= 0 && Native.DRMRepair() is >= 0;
            var list = new List<int> { Native.DRMRepair() };
            int hr;
            if ((hr = Native.DRMRepair()) < 0) return;
            int a, b;
            a = b = Native.DRMRepair();
            Console.WriteLine(a);
            Func<int> f = () => Native.DRMRepair();
            Console.WriteLine(ok);
            """,
            """
                private static int field;
                private static int Property { get; set; }
                private static int Get() => Native.DRMRepair();
                private static int GetBlock() { return Native.DRMRepair(); }
            """));

    [Fact]
    public Task Read_in_the_next_iteration_and_after_the_loop_keeps_the_store_alive()
        => Verify.VerifyAnalyzerAsync(Method("""
            int hr = 0;
            for (int i = 0; i < 3; i++)
            {
                if (hr < 0) break;
                hr = Native.DRMRepair();
            }

            Console.WriteLine(hr);
            """));

    [Fact]
    public Task Store_read_only_by_the_next_iteration_is_lost_after_the_last_one()
        => Verify.VerifyAnalyzerAsync(Method("""
            int hr = 0;
            for (int i = 0; i < 3; i++)
            {
                if (hr < 0) break;
                hr = [|Native.DRMRepair()|];
            }
            """));

    [Fact]
    public Task Runtime_methods_that_throw_are_not_reported()
        => Verify.VerifyAnalyzerAsync(Method("""
            using SafeDrmSessionHandle original = SafeDrmSessionHandle.Adopt(0);
            using SafeDrmSessionHandle copy = original.Duplicate();
            DrmException.ThrowIfFailed(0);
            """));

    [Fact]
    public Task Void_returning_import_is_not_reported()
        => Verify.VerifyAnalyzerAsync(Method(
            "Own.DRMRepair();",
            """
                private static class Own
                {
                    [DllImport("msdrm.dll", PreserveSig = false)] internal static extern void DRMRepair();
                }
            """));

    [Fact]
    public Task Non_drm_imports_are_not_reported()
        => Verify.VerifyAnalyzerAsync(Method(
            "Own.GetLastError(); Own.Beep(1, 1);",
            """
                private static class Own
                {
                    [DllImport("kernel32.dll")] internal static extern int GetLastError();
                    [DllImport("kernel32.dll")] internal static extern int Beep(uint frequency, uint duration);
                }
            """));

    [Fact]
    public Task Top_level_statements()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;

                [|Native.DRMRepair()|];
                int hr = [|Native.DRMGetClientVersion(IntPtr.Zero)|];
                int ok = Native.DRMDuplicateSession(0, out uint copy);
                if (ok >= 0) Native.DRMCloseSession(copy);
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Generated_code_is_skipped()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    ("/Generated.g.cs", Method("Native.DRMRepair();", className: "G1")),
                    ("/Marked.cs", "// <auto-generated/>\n" + Method("Native.DRMRepair();", className: "G2")),
                    ("/Hand.cs", Method("[|Native.DRMRepair()|];", className: "H")),
                },
            },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task Next_statement_that_reads_only_on_some_paths_does_not_count_as_a_read()
        => Verify.VerifyAnalyzerAsync(Method(
            """
            int a = [|Native.DRMRepair()|];
            if (session == 0 && a < 0) return;
            int b = [|Native.DRMRepair()|];
            Console.WriteLine(session == 0 ? b : 0);
            int c = [|Native.DRMRepair()|];
            Log(c = 1, c);
            int d = [|Native.DRMRepair()|];
            Func<int> later = () => 0;
            Console.WriteLine(later());
            """,
            """
                private static void Log(int first, int second) => Console.WriteLine(first + second);
            """));

    [Fact]
    public Task Next_statement_that_always_reads_is_a_read()
        => Verify.VerifyAnalyzerAsync(Method(
            """
            int a = Native.DRMRepair();
            if (a < 0 && session == 0) return;
            int b = Native.DRMRepair();
            Console.WriteLine(b);
            int c = Native.DRMRepair();
            c = c + 1;
            int d = Native.DRMRepair();
            switch (d) { case 0: break; }
            int e = Native.DRMRepair();
            bool failed = e is < 0;
            int f = Native.DRMRepair();
            Console.WriteLine(failed ? -f : f);
            """));

    [Fact]
    public Task Field_initializer_lambdas_and_constructor_initializers()
        => Verify.VerifyAnalyzerAsync("""
            using System;

            internal class Base
            {
                protected Base(int hr) => Console.WriteLine(hr);
            }

            internal sealed class Derived : Base
            {
                private static readonly Action Dropped = () => { int hr = [|Native.DRMRepair()|]; };
                private static readonly Action Statement = () => [|Native.DRMRepair()|];
                private static readonly Func<int> Kept = () => Native.DRMRepair();
                private readonly int field = Native.DRMRepair();

                internal Derived() : base(Native.DRMRepair())
                {
                    [|Native.DRMGetClientVersion(IntPtr.Zero)|];
                }

                internal int Property => Native.DRMRepair();
            }
            """);

    [Fact]
    public async Task Deep_expressions_after_a_store_are_walked_without_recursion()
    {
        string terms = string.Concat(Enumerable.Repeat(" + 1", 3000));
        string source = Method($$"""
            int kept = Native.DRMRepair();
            int sum = kept{{terms}};
            Console.WriteLine(sum);
            int lost = Native.DRMRepair();
            int other = 0{{terms}};
            Console.WriteLine(other);
            """);

        Diagnostic[] diagnostics = await DiagnosticsOf(source, editorConfig: null);

        Diagnostic lost = Assert.Single(diagnostics);
        Assert.Equal(12, lost.Location.GetLineSpan().StartLinePosition.Line); // 0-based: the "lost" line
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Truncated_case_sources_never_throw(string name)
    {
        // Every prefix of a case is broken code in a different way: the analyzer must not throw on any.
        string source = HresultIgnoredCases.Get(name).Wrong.Replace("{|MSDRM002:", "").Replace("|}", "");
        for (int cut = source.Length / 8; cut < source.Length; cut += source.Length / 8)
        {
            CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
                CompilationAnalyzerRunner.Compile([("/Cut.cs", source.Substring(0, cut))]),
                [new MSDRM002HresultIgnoredAnalyzer()]);
            Assert.Empty(run.Exceptions);
            Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "AD0001");
        }
    }

    [Theory]
    [InlineData("Native.DRMRepair(")]
    [InlineData("int hr = Native.DRMRepair(; hr = ")]
    [InlineData("Native.DRMDuplicateSession(session, out var);")]
    [InlineData("int hr = Native.DRMRepair(); hr = Native.NoSuch(); goto missing;")]
    [InlineData("Native.DRMCreateUser(1, 2);")]
    [InlineData("for (;;) { int hr = Native.DRMRepair(); } } } }")]
    [InlineData("int hr = Native.DRMRepair(); return hr;")]
    public async Task Broken_code_never_throws(string body)
    {
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/Broken.cs", Method(body))]),
            [new MSDRM002HresultIgnoredAnalyzer()]);
        Assert.Contains(run.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "AD0001");
    }

    private static string Method(string body, string members = "", string className = "Sample") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Runtime.InteropServices;
        using MsDrm;

        internal static class {{className}}
        {
            internal static void Run(uint session, uint env)
            {
                {{body}}
            }
        {{members}}
        }
        """;

    /// <summary>The MSDRM002 diagnostics of a source that must compile without errors.</summary>
    private static async Task<Diagnostic[]> DiagnosticsOf(string source, string? editorConfig)
    {
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/Test0.cs", source)]),
            [new MSDRM002HresultIgnoredAnalyzer()],
            editorConfig);
        Assert.DoesNotContain(run.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.Exceptions);
        return run.AnalyzerDiagnostics.Where(d => d.Id == DiagnosticIds.HresultIgnored).ToArray();
    }
}
