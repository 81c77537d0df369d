using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Rules;
using MsDrm.Analyzers.Tests.Spec;
using MsDrm.Testing;
using Xunit;

namespace MsDrm.Analyzers.Tests.Summaries;

/// <summary>
/// The summaries' cheap first check (<c>DrmReachability</c>): a helper is passed over without binding
/// its body only when no call written in it can lead to a DRM call. Every way a call can reach one
/// must answer "may": directly, through other helpers (cycles too), an import under another name in
/// source or in a referenced assembly, a sibling local function, and the calls the compiler writes.
/// </summary>
public sealed class DrmReachabilityTests
{
    [Theory]
    [InlineData("Plain", false)]
    [InlineData("Direct", true)]
    [InlineData("ThroughHelper", true)]
    [InlineData("ThroughPlainHelper", false)]
    [InlineData("Throws", true)]
    [InlineData("RuntimeWrapper", true)]
    [InlineData("RenamedImport", true)]
    [InlineData("VirtualOnly", false)]
    public void A_helper_may_call_drm_only_when_one_of_its_calls_can(string method, bool expected)
        => Assert.Equal(expected, MayCallDrm(Source, "Helpers", method));

    [Fact]
    public void Every_method_of_a_cycle_reaches_as_soon_as_one_does_whichever_is_asked_first()
    {
        const string Cycle = """
            internal static class Loop
            {
                public static void A(uint h) { B(h); Native.DRMCloseSession(h); }
                public static void B(uint h) { A(h); }
                public static void C(uint h) { D(h); }
                public static void D(uint h) { C(h); Console.WriteLine(h); }
            }
            """;
        Assert.True(MayCallDrm(Cycle, "Loop", "B"));
        Assert.True(MayCallDrm(Cycle, "Loop", "A"));
        Assert.False(MayCallDrm(Cycle, "Loop", "C"));

        // Asked in one compilation, in both orders: the answer of a cycle does not depend on the order.
        var (reachability, type) = Build(Cycle, "Loop");
        Assert.True(reachability.MayCallDrm(Method(type, "A")));
        Assert.True(reachability.MayCallDrm(Method(type, "B")));
        (reachability, type) = Build(Cycle, "Loop");
        Assert.True(reachability.MayCallDrm(Method(type, "B")));
        Assert.True(reachability.MayCallDrm(Method(type, "A")));
    }

    [Fact]
    public void A_thousand_helpers_calling_each_other_in_a_ring_are_answered_once_each()
    {
        var ring = new System.Text.StringBuilder("internal static class Ring\n{\n");
        for (int i = 0; i < 1000; i++)
        {
            ring.Append($"    public static int M{i}(int x) => M{(i + 1) % 1000}(x + 1) + x.ToString().Length;\n");
        }

        var (reachability, type) = Build(ring.Append("}\n").ToString(), "Ring");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 1000; i++)
        {
            Assert.False(reachability.MayCallDrm(Method(type, "M" + i)));
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Source_helpers_are_found_by_name_before_and_after_many_names_no_source_member_has(bool noisyFirst)
    {
        // Twenty names only a referenced library declares: the first are answered by the compiler's
        // declaration table one by one, the rest by the index of every source member name.
        string Calls(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $"Library.F{i}(); "));
        MetadataReference library = Library("public static class Library { " + string.Concat(Enumerable.Range(0, 20).Select(i => $"public static void F{i}() {{ }} ")) + "}");
        string helpers = $$"""
            internal static class Helpers
            {
                public static void Noisy() { {{Calls(20)}} }
                public static void Quiet() { {{Calls(3)}} }
                public static int Deep(uint h) { {{Calls(2)}} return Middle(h); }
                public static int Middle(uint h) => Native.DRMCloseSession(h);
            }
            """;
        Compilation compilation = CompilationAnalyzerRunner.Compile([("/Helpers.cs", SpecPrograms.Usings + helpers)]).AddReferences(library);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("Helpers")!;
        MsDrm.Analyzers.Summaries.DrmReachability reachability = DrmCallRecognizer.For(compilation).Summaries.Reachability;
        if (noisyFirst)
        {
            Assert.False(reachability.MayCallDrm(Method(type, "Noisy")));
        }

        Assert.True(reachability.MayCallDrm(Method(type, "Deep")));
        Assert.False(reachability.MayCallDrm(Method(type, "Quiet")));
        Assert.False(reachability.MayCallDrm(Method(type, "Noisy")));
    }

    [Fact]
    public void A_sibling_local_function_that_calls_drm_is_seen()
    {
        const string Local = """
            internal static class Outer
            {
                public static void Run(uint h)
                {
                    First(h);
                    void First(uint x) => Second(x);
                    void Second(uint x) => Native.DRMCloseSession(x);
                }
            }
            """;
        var (reachability, type) = Build(Local, "Outer");
        SyntaxNode run = Method(type, "Run").DeclaringSyntaxReferences[0].GetSyntax();
        var first = run.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax>().Single(l => l.Identifier.ValueText == "First");
        Compilation compilation = ((ISourceAssemblySymbol)type.ContainingAssembly).Compilation;
        Assert.True(reachability.MayCallDrm((IMethodSymbol)compilation.GetSemanticModel(run.SyntaxTree).GetDeclaredSymbol(first)!));
    }

    [Theory]
    [InlineData("var all = new Handles { h };")]
    [InlineData("var picked = from x in new Box(h) select x;")]
    public void Calls_the_compiler_writes_are_followed(string statement)
    {
        string source = $$"""
            internal sealed class Handles : System.Collections.IEnumerable
            {
                public void Add(uint h) => Native.DRMCloseSession(h);
                public System.Collections.IEnumerator GetEnumerator() => throw new NotSupportedException();
            }

            internal sealed class Box
            {
                public Box(uint h) => Value = h;
                public uint Value { get; }
                public uint Select(Func<uint, uint> f) => f(Value) + (uint)Native.DRMCloseSession(Value);
            }

            internal static class User
            {
                public static void Run(uint h) { {{statement}} }
            }
            """;
        Assert.True(MayCallDrm(source, "User", "Run"));
    }

    [Fact]
    public void An_import_under_another_name_in_a_referenced_assembly_is_a_possible_drm_call()
    {
        MetadataReference library = Library("""
            public static class Interop
            {
                [System.Runtime.InteropServices.DllImport("msdrm.dll", EntryPoint = "DRMCloseSession")]
                public static extern int Shut(uint handle);
            }
            """);
        const string Helper = """
            internal static class Helpers
            {
                public static int Stop(uint h) => Interop.Shut(h);
            }
            """;
        Compilation compilation = CompilationAnalyzerRunner.Compile([("/Helpers.cs", SpecPrograms.Usings + Helper)])
            .AddReferences(library);
        INamedTypeSymbol type = compilation.GetTypeByMetadataName("Helpers")!;
        Assert.True(DrmCallRecognizer.For(compilation).Summaries.Reachability.MayCallDrm(Method(type, "Stop")));
    }

    [Fact]
    public async Task A_handle_created_through_a_renamed_import_of_a_referenced_assembly_is_still_followed_through_a_helper()
    {
        MetadataReference library = Library("""
            public static class Interop
            {
                [System.Runtime.InteropServices.DllImport("msdrm.dll", EntryPoint = "DRMDuplicateSession")]
                public static extern int Copy(uint session, out uint copy);
            }
            """);
        string Program(string close) => SpecPrograms.Usings + $$"""
            internal static class Service
            {
                private static uint Make(uint session)
                {
                    // No other name a DRM call could have: only the import's own name leads there.
                    return Interop.Copy(session, out uint copy) >= 0 ? copy : 0;
                }

                public static void Run(uint session)
                {
                    uint h = Make(session);
                    {{close}}
                }
            }
            """;

        async Task<ImmutableArray<Diagnostic>> Leaks(string source)
        {
            Compilation compilation = CompilationAnalyzerRunner.Compile([("/Service.cs", source)]).AddReferences(library);
            CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(compilation, [new MSDRM001HandleNotClosedAnalyzer()]);
            Assert.Empty(run.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            return run.AnalyzerDiagnostics;
        }

        Assert.Single(await Leaks(Program("Console.WriteLine(h);")), d => d.Id == DiagnosticIds.HandleNotClosed && d.GetMessage().Contains("through 'Service.Make'"));
        Assert.Empty(await Leaks(Program("Native.DRMCloseSession(h);")));
    }

    private const string Source = """
        internal static class Helpers
        {
            [System.Runtime.InteropServices.DllImport("msdrm.dll", EntryPoint = "DRMCloseSession")]
            private static extern int Shut(uint handle);

            public static string Plain(int n) => new string('x', n).ToUpperInvariant() + Format(n);
            public static string Format(int n) => string.Join(",", System.Linq.Enumerable.Range(0, n));
            public static int Direct(uint h) => Native.DRMCloseSession(h);
            public static int ThroughHelper(uint h) => Direct(h) + 1;
            public static string ThroughPlainHelper(int n) => Plain(n) + Format(n);
            public static void Throws(int hr) => DrmException.ThrowIfFailed(hr);
            public static SafeDrmSessionHandle RuntimeWrapper(SafeDrmSessionHandle s) => s.Duplicate();
            public static int RenamedImport(uint h) => Shut(h);
            public static void VirtualOnly(Base b) => b.Work();
        }

        internal abstract class Base
        {
            public abstract void Work();
        }
        """;

    private static bool MayCallDrm(string source, string type, string method)
    {
        var (reachability, symbol) = Build(source, type);
        return reachability.MayCallDrm(Method(symbol, method));
    }

    private static (MsDrm.Analyzers.Summaries.DrmReachability Reachability, INamedTypeSymbol Type) Build(string source, string type)
    {
        Compilation compilation = CompilationAnalyzerRunner.Compile([("/Case.cs", SpecPrograms.Usings + source)]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (DrmCallRecognizer.For(compilation).Summaries.Reachability, compilation.GetTypeByMetadataName(type)!);
    }

    private static IMethodSymbol Method(INamedTypeSymbol type, string name) => type.GetMembers(name).OfType<IMethodSymbol>().Single();

    private static MetadataReference Library(string source)
    {
        CSharpCompilation library = CSharpCompilation.Create(
            "Interop" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source)],
            TestReferences.Net80WithRuntime,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
