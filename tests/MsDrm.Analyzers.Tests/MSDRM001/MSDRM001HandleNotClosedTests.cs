using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MsDrm.Analyzers.Rules;
using MsDrm.Testing;
using MsDrm.Testing.Cases;
using Xunit;
using Xunit.Abstractions;
using Verify = MsDrm.Testing.CSharpAnalyzerVerifier<MsDrm.Analyzers.Rules.MSDRM001HandleNotClosedAnalyzer>;

namespace MsDrm.Analyzers.Tests.MSDRM001;

/// <summary>MSDRM001: every shared case, plus message, properties, configuration and robustness.</summary>
public class MSDRM001HandleNotClosedTests
{
    private readonly ITestOutputHelper output;

    public MSDRM001HandleNotClosedTests(ITestOutputHelper output) => this.output = output;

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (RuleCase rule in HandleNotClosedCases.All)
        {
            names.Add(rule.Name);
        }

        return names;
    }

    [Fact]
    public void There_are_at_least_fifty_uniquely_named_cases()
    {
        Assert.True(HandleNotClosedCases.All.Count >= 50, $"only {HandleNotClosedCases.All.Count} cases");
        Assert.Equal(HandleNotClosedCases.All.Count, HandleNotClosedCases.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Wrong_reports_exactly_the_marked_handles(string name)
        => Verify.VerifyAnalyzerAsync(HandleNotClosedCases.Get(name).Wrong);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Correct_is_silent(string name)
        => Verify.VerifyAnalyzerAsync(HandleNotClosedCases.Get(name).Correct);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Correct_is_silent_for_every_rule(string name)
    {
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/Correct.cs", HandleNotClosedCases.Get(name).Correct)]),
            ValidCodeTests.AllAnalyzers());

        Assert.Empty(run.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Empty(run.Exceptions.Select(e => e.ToString()));
        Assert.Empty(run.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("MSDRM", StringComparison.Ordinal) || d.Id == "AD0001").Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Wrong_has_no_diagnostic_of_another_rule(string name)
    {
        const string Open = "{|MSDRM001:";
        string wrong = HandleNotClosedCases.Get(name).Wrong;
        int marked = (wrong.Length - wrong.Replace(Open, string.Empty).Length) / Open.Length;
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/Wrong.cs", wrong.Replace(Open, string.Empty).Replace("|}", string.Empty))]),
            ValidCodeTests.AllAnalyzers());

        Assert.Empty(run.Exceptions.Select(e => e.ToString()));
        Diagnostic[] reported = run.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("MSDRM", StringComparison.Ordinal) || d.Id == "AD0001").ToArray();
        Assert.All(reported, d => Assert.Equal(DiagnosticIds.HandleNotClosed, d.Id));
        Assert.Equal(marked, reported.Length);
    }

    [Fact]
    public Task Message_names_variable_function_and_close_function()
        => Verify.VerifyAnalyzerAsync(
            Unit("DrmException.ThrowIfFailed({|#0:Native.DRMDuplicateSession(s, out uint dup)|});"),
            Verify.Diagnostic().WithLocation(0).WithArguments("dup", "DRMDuplicateSession", "DRMCloseSession", "still open at the end of the method on line 9").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Message_for_wrapper_names_the_runtime_method_and_Dispose()
        => Verify.VerifyAnalyzerAsync(
            Unit("var copy = {|#0:safe.Duplicate()|}; Console.WriteLine(copy.IsInvalid);"),
            Verify.Diagnostic().WithLocation(0).WithArguments("copy", "SafeDrmSessionHandle.Duplicate", "Dispose", "still open at the end of the method on line 9").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Message_for_discard_uses_underscore()
        => Verify.VerifyAnalyzerAsync(
            Unit("DrmException.ThrowIfFailed({|#0:Native.DRMCreateUser(\"u\", null, \"Windows\", out _)|});"),
            Verify.Diagnostic().WithLocation(0).WithArguments("_", "DRMCreateUser", "DRMClosePubHandle", "discarded on line 8").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Message_for_dropped_wrapper_uses_the_expression_text()
        => Verify.VerifyAnalyzerAsync(
            Unit("{|#0:SafeDrmSessionHandle.Adopt(s)|};"),
            Verify.Diagnostic().WithLocation(0).WithArguments("SafeDrmSessionHandle.Adopt(s)", "SafeDrmSessionHandle.Adopt", "Dispose", "still open at the end of the method on line 9").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task Two_leaked_handles_of_one_call_give_two_diagnostics()
        => Verify.VerifyAnalyzerAsync(
            Unit("DrmException.ThrowIfFailed({|#0:Native.DRMInitEnvironment(0, 0, \"p\", \"m\", \"c\", out uint hEnv, out uint hLib)|});"),
            Verify.Diagnostic().WithLocation(0).WithArguments("hEnv", "DRMInitEnvironment", "DRMCloseEnvironmentHandle", "still open at the end of the method on line 9").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            Verify.Diagnostic().WithLocation(0).WithArguments("hLib", "DRMInitEnvironment", "DRMCloseHandle", "still open at the end of the method on line 9").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public async Task Properties_carry_what_the_fix_needs_for_a_raw_handle()
    {
        Diagnostic diagnostic = Assert.Single(await AnalyzeAsync(Unit("int hr = Native.DRMDuplicateSession(s, out uint dup); if (hr >= 0) { DrmException.ThrowIfFailed(Native.DRMIsActivated(dup, 0, IntPtr.Zero)); }")));
        ImmutableDictionary<string, string?> properties = diagnostic.Properties;
        Assert.Equal("Session", properties[DiagnosticProperties.Kind]);
        Assert.Equal("DRMCloseSession", HandleDiagnosticData.TryRead(properties)!.CloseFunction);
        Assert.Equal("SafeDrmSessionHandle", HandleDiagnosticData.TryRead(properties)!.SafeHandleType);
        Assert.Equal("dup", properties[DiagnosticProperties.Variable]);
        Assert.Equal("false", properties[DiagnosticProperties.IsWrapper]);
        Assert.Equal("DRMDuplicateSession", properties[DiagnosticProperties.Function]);
        Assert.Equal("true", properties[DiagnosticProperties.SuccessConditional]);
    }

    [Fact]
    public async Task Properties_for_a_wrapper_and_an_unconditional_handle()
    {
        Diagnostic[] diagnostics = (await AnalyzeAsync(Unit(
            "Native.DRMParseUnboundLicense(\"c\", out uint root); var copy = safe.Duplicate(); Console.WriteLine(copy.IsInvalid);")))
            .OrderBy(d => d.Location.SourceSpan.Start).ToArray();
        Assert.Equal(2, diagnostics.Length);

        Assert.Equal("Query", diagnostics[0].Properties[DiagnosticProperties.Kind]);
        Assert.Equal("DRMCloseQueryHandle", HandleDiagnosticData.TryRead(diagnostics[0].Properties)!.CloseFunction);
        Assert.Equal("SafeDrmQueryHandle", HandleDiagnosticData.TryRead(diagnostics[0].Properties)!.SafeHandleType);
        Assert.Equal("false", diagnostics[0].Properties[DiagnosticProperties.SuccessConditional]);

        Assert.Equal("true", diagnostics[1].Properties[DiagnosticProperties.IsWrapper]);
        Assert.Equal("DRMCloseSession", HandleDiagnosticData.TryRead(diagnostics[1].Properties)!.CloseFunction);
        Assert.Equal("SafeDrmSessionHandle.Duplicate", diagnostics[1].Properties[DiagnosticProperties.Function]);
        Assert.Equal("copy", diagnostics[1].Properties[DiagnosticProperties.Variable]);
    }

    [Fact]
    public async Task Variable_property_is_empty_for_a_discard()
    {
        Diagnostic diagnostic = Assert.Single(await AnalyzeAsync(Unit("DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out _));")));
        Assert.Equal(string.Empty, diagnostic.Properties[DiagnosticProperties.Variable]);
    }

    [Fact]
    public async Task Message_for_creation_through_a_ref_alias_names_the_alias()
    {
        Diagnostic diagnostic = Assert.Single(await AnalyzeAsync(Unit(
            "uint dup = 0; ref uint alias = ref dup; DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out alias));")));
        Assert.Equal("alias", diagnostic.Properties[DiagnosticProperties.Variable]);
    }

    [Theory]
    [InlineData("ref uint alias = ref dup; alias = ref other;")]
    [InlineData("ref uint alias = ref flag ? ref dup : ref other;")]
    public async Task Ref_local_bound_to_more_than_one_variable_hands_them_over(string binding)
    {
        // Which variable the ref local names is not tracked: the handles it may reach count as handed over.
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(Unit(
            "uint other = 0; DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup)); " + binding + " Native.DRMCloseSession(alias);"));
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    public async Task Severity_follows_editorconfig(string configured, DiagnosticSeverity expected)
    {
        // Roslyn's own .editorconfig parsing, handed to the compilation the way the build does.
        AnalyzerConfig config = AnalyzerConfig.Parse($"root = true\n\n[*.cs]\ndotnet_diagnostic.MSDRM001.severity = {configured}\n", "/src/.editorconfig");
        AnalyzerConfigOptionsResult options = AnalyzerConfigSet.Create(new[] { config }).GetOptionsForSourcePath("/src/Test.cs");
        Diagnostic diagnostic = Assert.Single(await AnalyzeAsync(
            Unit("DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));"),
            treeOptions: new EditorConfigTreeOptions(options.TreeOptions)));
        Assert.Equal(expected, diagnostic.Severity);
    }

    [Fact]
    public async Task Editorconfig_none_silences_the_rule()
    {
        var test = new Verify.Test { TestCode = Unit("DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));") };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\ndotnet_diagnostic.MSDRM001.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task Generated_code_is_skipped()
        => Verify.VerifyAnalyzerAsync("// <auto-generated/>\n" + Unit("DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup));"));

    [Theory]
    [InlineData("Native.DRMDuplicateSession(s, out uint dup")]
    [InlineData("Native.DRMDuplicateSession(out uint dup);")]
    [InlineData("Native.DRMDuplicateSession(s, out undefined.x);")]
    [InlineData("Native.DRMDuplicateSession(s, out var (a, b));")]
    [InlineData("Native.DRMNoSuchFunction(s, out uint dup); Native.DRMCloseSession(dup")]
    [InlineData("uint dup; if (Native.DRMDuplicateSession(s, out dup) >= ) { Native.DRMCloseSession(dup, 1); } else { goto missing; }")]
    [InlineData("var copy = safe.Duplicate(; using (copy.) { }")]
    [InlineData("uint dup = 0; ref uint alias = ref dup; alias = ref ; Native.DRMDuplicateSession(s, out alias);")]
    [InlineData("if (Native.DRMDuplicateSession(s, out uint dup) is < 0 or and) return; string t = $\"{dup:}\" + dup.;")]
    [InlineData("Action a = () => Native.DRMDuplicateSession(s, out uint d); a(); while (Native.DRMDuplicateSession(s, out uint e)) { }")]
    public async Task Broken_code_never_throws(string body)
    {
        // Whatever is reported, it must not be AD0001.
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(Unit(body), allowErrors: true);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Deeply_nested_expression_neither_throws_nor_hides_the_leak()
    {
        string sum = "count" + string.Concat(Enumerable.Repeat(" + count", 20000));
        ImmutableArray<Diagnostic> diagnostics = await AnalyzeAsync(Unit(
            $"DrmException.ThrowIfFailed(Native.DRMDuplicateSession(s, out uint dup)); count = {sum}; Console.WriteLine(count);"),
            allowErrors: true);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Single(diagnostics, d => d.Id == DiagnosticIds.HandleNotClosed);
    }

    [Fact]
    public async Task Top_level_statements_are_analysed()
    {
        var wrong = new Verify.Test
        {
            TestCode = """
                using MsDrm;
                DrmException.ThrowIfFailed({|MSDRM001:Native.DRMDuplicateSession(0, out uint dup)|});
                """,
        };
        wrong.TestState.OutputKind = OutputKind.ConsoleApplication;
        await wrong.RunAsync();

        var correct = new Verify.Test
        {
            TestCode = """
                using MsDrm;
                DrmException.ThrowIfFailed(Native.DRMDuplicateSession(0, out uint dup));
                Native.DRMCloseSession(dup);
                """,
        };
        correct.TestState.OutputKind = OutputKind.ConsoleApplication;
        await correct.RunAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pointer_handles_created_through_address_of(bool closed)
    {
        string close = closed ? "Pointers.DRMCloseSession(dup);" : string.Empty;
        string call = closed ? "Pointers.DRMDuplicateSession(s, &dup)" : "{|MSDRM001:Pointers.DRMDuplicateSession(s, &dup)|}";
        var test = new Verify.Test
        {
            TestCode = $$"""
                using System.Runtime.InteropServices;
                using MsDrm;

                internal static unsafe class Pointers
                {
                    [DllImport("msdrm.dll")]
                    public static extern int DRMDuplicateSession(uint source, uint* copy);

                    [DllImport("msdrm.dll")]
                    public static extern int DRMCloseSession(uint session);

                    public static void M(uint s)
                    {
                        uint dup;
                        DrmException.ThrowIfFailed({{call}});
                        {{close}}
                    }
                }
                """,
        };
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
        });
        await test.RunAsync();
    }

    [Fact]
    public async Task Field_initialiser_creations_escape()
        => await Verify.VerifyAnalyzerAsync("""
            using MsDrm;

            internal class Holder
            {
                private static uint session;
                private static readonly int Hr = Native.DRMDuplicateSession(0, out session);
            }
            """);

    [Fact]
    public async Task A_method_of_five_thousand_statements_is_analysed_in_bounded_work()
    {
        // The whole analyzer on a 5,000-statement method: silent, and timed for the log only. Its wall
        // time swung from 1 s to 7 s on a loaded 2-core CI machine (the test assemblies run side by
        // side; compared with the compiler's time it still swung 0.9x to 8x), so the guard is the
        // solver's deterministic work. On this shape it grows 11.9x for 4x the statements: every
        // copied state duplicates the key table's chunk list (one slot per 32 variables), which is
        // quadratic with a small constant. The bound catches anything worse than that. The
        // benchmark program reports the worst-case method's time.
        string source = LongMethod(1000);
        await AnalyzeAsync(source); // warm up (JIT, reference loading)
        var analyzer = new MSDRM001HandleNotClosedAnalyzer();
        var withAnalyzers = CSharpCompilation.Create(
                "Perf",
                new[] { CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText(DrmDeclarations.Source) },
                TestReferences.Net80WithRuntime,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());
        TimeSpan elapsed = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;

        long small = SolverWork(LongMethod(250), leaks: 0);
        long large = SolverWork(source, leaks: 0);
        double ratio = (double)large / small;
        output.WriteLine($"5,000 statements: analyzer time {elapsed.TotalMilliseconds:F0} ms; solver work 1,250 statements {small:N0}, 5,000 statements {large:N0}, ratio {ratio:F1}");
        Assert.True(ratio < 16, $"4x the method cost {ratio:F1}x the work ({small:N0} -> {large:N0}): worse than quadratic");
    }

    /// <summary>A loop over <paramref name="rounds"/> rounds of five statements: create, test, use, close or store.</summary>
    private static string LongMethod(int rounds)
    {
        var body = new StringBuilder();
        for (int i = 0; i < rounds; i++)
        {
            body.AppendLine($"int hr{i} = Native.DRMDuplicateSession(s, out uint d{i});");
            body.AppendLine($"if (hr{i} < 0) {{ continue; }}");
            body.AppendLine($"DrmException.ThrowIfFailed(Native.DRMIsActivated(d{i}, 0, IntPtr.Zero));");
            body.AppendLine($"if (flag) {{ GC.KeepAlive(new System.Collections.Generic.List<uint> {{ d{i} }}); }} else {{ Native.DRMCloseSession(d{i}); }}");
            body.AppendLine($"count += {i};");
        }

        return Unit("for (int loop = 0; loop < 2; loop++) {\n" + body + "}");
    }

    [Fact]
    public void Solver_work_grows_about_linearly_with_a_method_of_many_live_handles()
    {
        // Hundreds of leaked handles stay live to the end, across nested loops and branches: the
        // shape where copying the whole state per block made the solver quadratic.
        long small = SolverWork(100);
        long large = SolverWork(400);
        double ratio = (double)large / small;
        output.WriteLine($"solver work: 100 handles {small:N0}, 400 handles {large:N0}, ratio {ratio:F1}");

        // Linear is 4; a full state copy per visited block would be about 16. What remains above 4 is
        // the chunk table a copy still duplicates (one slot per 32 keys).
        Assert.True(ratio < 8, $"4x the method cost {ratio:F1}x the work ({small:N0} -> {large:N0})");
    }

    private static long SolverWork(int handles)
    {
        var body = new StringBuilder();
        for (int i = 0; i < handles; i++)
        {
            body.AppendLine($"int hr{i} = Native.DRMGetUsers(s, {i}u, out uint leaked{i});");
            body.AppendLine($"count ^= (int)leaked{i};");
            body.AppendLine($"if (count % 3 == {i % 3}) {{ hr{i} = Native.DRMDuplicateSession(s, out uint d{i}); if (hr{i} >= 0) {{ Native.DRMCloseSession(d{i}); }} }}");
            if (i % 10 == 9)
            {
                body.AppendLine("}");
                body.AppendLine($"for (int loop{i} = 0; loop{i} < 2; loop{i}++) {{");
            }
        }

        return SolverWork(Unit("for (int first = 0; first < 2; first++) {\n" + body + "}"), handles);
    }

    /// <summary>The solver's work (slots copied, joined or searched) on the one method of <paramref name="source"/>.</summary>
    private static long SolverWork(string source, int leaks)
    {
        var compilation = CSharpCompilation.Create(
            "Work",
            new[] { CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText(DrmDeclarations.Source) },
            TestReferences.Net80WithRuntime,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        SyntaxTree tree = compilation.SyntaxTrees[0];
        var method = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single();
        var body0 = (Microsoft.CodeAnalysis.Operations.IMethodBodyOperation)compilation.GetSemanticModel(tree).GetOperation(method)!;
        var graph = Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create(body0);
        var sharing = global::MsDrm.Analyzers.FlowInfrastructure.VariableSharing.Of(body0);
        var meter = new WorkMeter();
        global::MsDrm.Analyzers.HandleFlow.HandleFlowResult result = global::MsDrm.Analyzers.HandleFlow.HandleFlowAnalysis.Analyze(
            graph, global::MsDrm.Analyzers.ApiModel.DrmCallRecognizer.For(compilation), sharing, CancellationToken.None, meter);
        Assert.Equal(leaks, result.Leaks.Length);
        Assert.True(meter.Slots > 0, "the solver counted no work: the meter is not wired");
        return meter.Slots;
    }

    /// <summary>Adds up the slots of state the solver reports copying, joining or searching.</summary>
    private sealed class WorkMeter : global::MsDrm.Analyzers.HandleFlow.ISolverWorkMeter
    {
        internal long Slots { get; private set; }

        public void Add(long slots) => Slots += slots;
    }

    private static string Unit(string body) => $$"""
        using System;
        using MsDrm;

        internal class C
        {
            void M(uint s, bool flag, int count, SafeDrmSessionHandle safe)
            {
                {{body}}
            }
        }
        """;

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, bool allowErrors = false, SyntaxTreeOptionsProvider? treeOptions = null)
    {
        var compilation = CSharpCompilation.Create(
            "Test",
            new[]
            {
                CSharpSyntaxTree.ParseText(source, path: "/src/Test.cs"),
                CSharpSyntaxTree.ParseText(DrmDeclarations.Source, path: DrmDeclarations.FileName),
            },
            TestReferences.Net80WithRuntime,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSyntaxTreeOptionsProvider(treeOptions));
        if (!allowErrors)
        {
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new MSDRM001HandleNotClosedAnalyzer());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        return await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync()
            .ContinueWith(t => t.Result.Where(d => d.Id.StartsWith("MSDRM", StringComparison.Ordinal) || d.Id == "AD0001").ToImmutableArray());
    }

    /// <summary>Severities from an .editorconfig section, as the compiler's own provider gives them.</summary>
    private sealed class EditorConfigTreeOptions(ImmutableDictionary<string, ReportDiagnostic> severities) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => severities.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
