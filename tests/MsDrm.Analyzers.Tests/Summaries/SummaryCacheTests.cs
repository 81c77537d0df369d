using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Rules;
using MsDrm.Analyzers.Tests.Spec;
using MsDrm.Testing;
using Xunit;

namespace MsDrm.Analyzers.Tests.Summaries;

/// <summary>
/// How summaries are computed (DESIGN "Ownership across methods (summaries)", issue 12 points 5 and
/// 6): on demand for a helper in another file, once per method and compilation, afresh in a new
/// compilation after the helper is edited, and through deep chains and long cycles without a crash.
/// </summary>
public sealed class SummaryCacheTests
{
    private const string Helpers = """
        internal static class Rms
        {
            public static int Duplicate(uint session, out uint copy) => Native.DRMDuplicateSession(session, out copy);

            public static void Close(uint session) => Native.DRMCloseSession(session);

            public static int SetInterval(uint client) => Native.DRMIsActivated(client, 1, IntPtr.Zero);

            public static void Log(uint handle) => Console.WriteLine(handle);

            public static int Chain1(uint client) => SetInterval(client);

            public static int Chain2(uint client) => Chain1(client);

            public static int Chain3(uint client) => Chain2(client);
        }
        """;

    private static string Caller(string name) => SpecPrograms.Usings + $$"""
        internal static class {{name}}
        {
            public static void Run(uint session)
            {
                Rms.Duplicate(session, out uint copy);
                Rms.Log(copy);
                Rms.SetInterval(copy);
                Rms.Chain3(copy);
                Rms.Close(copy);
                Rms.Duplicate(session, out uint other);
                Rms.Log(other);
                Rms.Close(other);
            }
        }
        """;

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, Compilation Analyzed)> AnalyzeAsync(Compilation compilation)
    {
        var capture = new CompilationCapture();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new MSDRM001HandleNotClosedAnalyzer(), new MSDRM002HresultIgnoredAnalyzer(), capture);
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = new CompilationWithAnalyzers(compilation, analyzers, options);
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return (diagnostics, capture.Compilation!);
    }

    private static Compilation Compile(params (string Path, string Source)[] sources) => CompilationAnalyzerRunner.Compile(sources);

    [Fact]
    public async Task Each_method_is_summarised_at_most_once_per_compilation()
    {
        var sources = new List<(string, string)> { ("/Rms.cs", SpecPrograms.Usings + Helpers) };
        for (int i = 0; i < 8; i++)
        {
            sources.Add(($"/Caller{i}.cs", Caller("Caller" + i)));
        }

        (ImmutableArray<Diagnostic> diagnostics, Compilation analyzed) = await AnalyzeAsync(Compile(sources.ToArray()));

        // Every caller drops the HRESULTs of Duplicate (twice), SetInterval and Chain3: the helpers were summarised.
        Assert.Equal(32, diagnostics.Count(d => d.Id == "MSDRM002"));
        var summaries = DrmCallRecognizer.For(analyzed).Summaries;
        IReadOnlyDictionary<IMethodSymbol, int> builds = summaries.Builds;
        Assert.Contains(builds.Keys, m => m.Name == "Chain1");
        Assert.Contains(builds.Keys, m => m.Name == "Log");
        Assert.All(builds.Values, count => Assert.Equal(1, count));
        Assert.All(summaries.FlowRuns.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Editing_a_helper_so_it_no_longer_closes_reports_the_caller_in_a_new_compilation()
    {
        const string caller = SpecPrograms.Usings + """
            internal static class User
            {
                public static void Run(uint session)
                {
                    DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy));
                    Rms.Close(copy);
                }
            }
            """;
        Compilation before = Compile(("/Rms.cs", SpecPrograms.Usings + Helpers), ("/User.cs", caller));
        Assert.DoesNotContain((await AnalyzeAsync(before)).Diagnostics, d => d.Id == "MSDRM001");

        SyntaxTree helpers = before.SyntaxTrees.First(t => t.FilePath == "/Rms.cs");
        string edited = helpers.ToString().Replace("public static void Close(uint session) => Native.DRMCloseSession(session);", "public static void Close(uint session) => Console.WriteLine(session);");
        Compilation after = before.ReplaceSyntaxTree(helpers, CSharpSyntaxTree.ParseText(edited, (CSharpParseOptions)helpers.Options, "/Rms.cs"));

        Diagnostic leak = Assert.Single((await AnalyzeAsync(after)).Diagnostics, d => d.Id == "MSDRM001");
        Assert.Equal("/User.cs", leak.Location.SourceTree!.FilePath);
    }

    [Fact]
    public async Task Editing_a_helper_so_it_no_longer_forwards_silences_the_caller_in_a_new_compilation()
    {
        const string caller = SpecPrograms.Usings + """
            internal static class User
            {
                public static void Run(uint client) => Rms.SetInterval(client);
            }
            """;
        Compilation before = Compile(("/Rms.cs", SpecPrograms.Usings + Helpers), ("/User.cs", caller));
        Diagnostic dropped = Assert.Single((await AnalyzeAsync(before)).Diagnostics, d => d.Id == "MSDRM002");
        Assert.Equal("/User.cs", dropped.Location.SourceTree!.FilePath);
        Assert.Contains("Rms.SetInterval", dropped.GetMessage());

        SyntaxTree helpers = before.SyntaxTrees.First(t => t.FilePath == "/Rms.cs");
        string edited = helpers.ToString().Replace(
            "public static int SetInterval(uint client) => Native.DRMIsActivated(client, 1, IntPtr.Zero);",
            "public static int SetInterval(uint client) { DrmException.ThrowIfFailed(Native.DRMIsActivated(client, 1, IntPtr.Zero)); return 0; }");
        Compilation after = before.ReplaceSyntaxTree(helpers, CSharpSyntaxTree.ParseText(edited, (CSharpParseOptions)helpers.Options, "/Rms.cs"));

        Assert.DoesNotContain((await AnalyzeAsync(after)).Diagnostics, d => d.Id == "MSDRM002");
    }

    [Fact]
    public async Task A_two_hundred_deep_chain_of_forwarders_is_followed()
    {
        var helpers = new StringBuilder("internal static class Deep\n{\n    public static int W0(uint c) => Native.DRMIsActivated(c, 1, IntPtr.Zero);\n");
        for (int i = 1; i <= 200; i++)
        {
            helpers.AppendLine($"    public static int W{i}(uint c) => W{i - 1}(c);");
        }

        helpers.AppendLine("}");
        const string caller = SpecPrograms.Usings + "internal static class User { public static void Run(uint c) => Deep.W200(c); }";
        (ImmutableArray<Diagnostic> diagnostics, Compilation analyzed) = await AnalyzeAsync(Compile(("/Deep.cs", SpecPrograms.Usings + helpers), ("/User.cs", caller)));

        Assert.Single(diagnostics, d => d.Id == "MSDRM002" && d.Location.SourceTree!.FilePath == "/User.cs");
        Assert.All(DrmCallRecognizer.For(analyzed).Summaries.Builds.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_long_cycle_of_helpers_gets_the_conservative_summary()
    {
        var helpers = new StringBuilder("internal static class Ring\n{\n");
        const int length = 1000;
        for (int i = 0; i < length; i++)
        {
            helpers.AppendLine($"    public static int R{i}(uint c, int n) => n == 0 ? Native.DRMIsActivated(c, 1, IntPtr.Zero) : R{(i + 1) % length}(c, n - 1);");
        }

        helpers.AppendLine("}");
        const string caller = SpecPrograms.Usings + "internal static class User { public static void Run(uint c) { Ring.R0(c, 5); Ring.R500(c, 5); } }";
        (ImmutableArray<Diagnostic> diagnostics, Compilation analyzed) = await AnalyzeAsync(Compile(("/Ring.cs", SpecPrograms.Usings + helpers), ("/User.cs", caller)));

        Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree!.FilePath == "/User.cs");
        Assert.All(DrmCallRecognizer.For(analyzed).Summaries.Builds.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public void A_chain_that_reaches_a_cut_method_later_is_cut_whatever_order_the_methods_are_asked_in()
    {
        // The driver's threads decide which method of a long cycle is asked for first. Asked from
        // R400, the chain R400..R655 is cut; asked later from R300, the chain must be cut too when it
        // reaches R400, even though R400's answer is already known.
        var helpers = new StringBuilder("internal static class Ring\n{\n");
        const int length = 1000;
        for (int i = 0; i < length; i++)
        {
            helpers.AppendLine($"    public static int R{i}(uint c, int n) => n == 0 ? Native.DRMIsActivated(c, 1, IntPtr.Zero) : R{(i + 1) % length}(c, n - 1);");
        }

        helpers.AppendLine("}");
        Compilation compilation = Compile(("/Ring.cs", SpecPrograms.Usings + helpers));
        INamedTypeSymbol ring = compilation.GetTypeByMetadataName("Ring")!;
        IMethodSymbol Method(int i) => ring.GetMembers("R" + i).OfType<IMethodSymbol>().Single();
        DrmCallRecognizer recognizer = DrmCallRecognizer.For(compilation);

        foreach (int first in new[] { 400, 300, 0, 999 })
        {
            Assert.Null(recognizer.Recognize(Method(first)).Summary);
        }

        for (int i = 0; i < length; i++)
        {
            Assert.Null(recognizer.Recognize(Method(i)).Summary);
        }

        Assert.All(recognizer.Summaries.Builds.Values, count => Assert.Equal(1, count));
    }

    /// <summary>Keeps the compilation the analyzers ran on (the driver's own copy), to read its summaries.</summary>
#pragma warning disable RS1036, RS1012 // A test-only analyzer that only observes the compilation.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CompilationCapture : DiagnosticAnalyzer
    {
        public Compilation? Compilation { get; private set; }

        // A descriptor is needed: the driver skips an analyzer that reports nothing.
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            new DiagnosticDescriptor("TEST001", "Capture", "Capture", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => Compilation = start.Compilation);
        }
    }
#pragma warning restore RS1036, RS1012
}
