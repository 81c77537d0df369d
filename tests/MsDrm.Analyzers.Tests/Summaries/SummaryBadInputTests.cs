using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.Rules;
using MsDrm.Analyzers.Tests.Spec;
using MsDrm.Testing;
using Xunit;
using static MsDrm.Analyzers.Tests.Spec.SpecPrograms;

namespace MsDrm.Analyzers.Tests.Summaries;

/// <summary>
/// Issue 12 point 7: helpers with broken bodies, partial methods without an implementation, extern
/// helpers of other libraries, generic and extension helpers, async helpers: no AD0001, no guess.
/// </summary>
public sealed class SummaryBadInputTests
{
    public static TheoryData<string> BrokenHelpers() => new()
    {
        "static int Broken(uint s, out uint h) { return Native.DRMDuplicateSession(s, out h }",
        "static int Broken(uint s, out uint h) => Native.DRMDuplicateSession(s, out h, 3);",
        "static int Broken(uint s, out uint h) { h = Missing(); return Native.DRMDuplicateSession(s, out h); }",
        "static int Broken(uint s, out uint h) { if (s > ) return 0; return Native.DRMDuplicateSession(s, out h); }",
        "static int Broken(uint s, out uint h) { goto nowhere; }",
        "static int Broken(uint s, out uint h) => Broken(s, out h);",
        "static int Broken(uint s, out uint h) { yield return 1; }",
        "static int Broken(uint s, out uint h) { h = 0; return Undeclared.Call(s); }",
        "static int Broken(uint s, out uint h)",
        "static int Broken(uint s, out uint h) { Native.DRMDuplicateSession(s, out h); Native.DRMCloseSession(",
    };

    [Theory]
    [MemberData(nameof(BrokenHelpers))]
    public async Task Broken_helpers_never_cause_AD0001(string helper)
    {
        string body = """
                Broken(session, out uint copy);
                int hr = Broken(session, out uint other);
                Native.DRMCloseSession(copy);
                Keep(other);
            """;
        Compilation compilation = CompilationAnalyzerRunner.Compile(new[] { ("/User.cs", InMethod(body, helper)) });
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new MSDRM001HandleNotClosedAnalyzer(), new MSDRM002HresultIgnoredAnalyzer());
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(compilation, analyzers, "root = true\n[*]\nmsdrm.internal.rethrow_exceptions = true\n");
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public Task Partial_method_without_implementation_stays_unknown() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal static partial class Rms
        {
            static partial void Release(uint handle);

            public static void Run(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                Release(copy);
            }
        }
        """));

    [Fact]
    public Task Partial_method_with_implementation_is_summarised() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal static partial class Rms
        {
            private static partial void Release(uint handle);

            public static void Run(uint session)
            {
                {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                Release(copy);
            }
        }

        internal static partial class Rms
        {
            private static partial void Release(uint handle) => Console.WriteLine(handle);
        }
        """));

    [Fact]
    public Task Extern_helper_of_another_library_stays_an_escape() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal static class Rms
        {
            [DllImport("kernel32.dll")] private static extern bool CloseHandle(uint handle);

            public static void Run(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                CloseHandle(copy);
            }
        }
        """));

    [Fact]
    public Task Generic_helper_that_only_logs_is_a_use() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal static class Rms
        {
            private static void Log<T>(T value) => Console.WriteLine(value);

            public static void Run(uint session)
            {
                {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                Log(copy);
            }
        }
        """));

    [Fact]
    public Task Generic_helper_that_stores_takes_ownership() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal static class Rms
        {
            private static object s_last;

            private static void Keep<T>(T value) => s_last = value;

            public static void Run(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                Keep(copy);
            }
        }
        """));

    [Fact]
    public Task Extension_helper_that_closes_closes() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal static class SessionExtensions
        {
            public static void CloseSession(this uint session) => Native.DRMCloseSession(session);
        }

        internal static class Rms
        {
            public static void Run(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                copy.CloseSession();
            }
        }
        """));

    [Fact]
    public Task Extension_helper_that_only_logs_is_a_use() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal static class SessionExtensions
        {
            public static void Print(this uint session) => Console.WriteLine(session);
        }

        internal static class Rms
        {
            public static void Run(uint session)
            {
                {|MSDRM001:Native.DRMDuplicateSession(session, out uint copy)|};
                copy.Print();
            }
        }
        """));

    [Fact]
    public Task Async_helper_taking_the_handle_stays_an_escape() => Verify<MSDRM001HandleNotClosedAnalyzer>(Raw("""
        internal static class Rms
        {
            private static async Task CloseLaterAsync(uint session)
            {
                await Task.Yield();
                Native.DRMCloseSession(session);
            }

            public static async Task RunAsync(uint session)
            {
                Native.DRMDuplicateSession(session, out uint copy);
                await CloseLaterAsync(copy);
            }
        }
        """));
}
