using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MsDrm.Testing;

namespace MsDrm.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Code-fix test with the shared setup of analyzer tests (.NET 8 references, the runtime wrapper,
/// the user's Native.cs declarations) and every MSDRM analyzer running (a fix must add no diagnostic of any rule). The fixed code
/// must compile (the framework checks compiler errors in FixedState) and Fix All is verified in
/// document, project and solution scope.
/// </summary>
public sealed class DrmCodeFixTest<TCodeFix> : CSharpCodeFixTest<EmptyAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public DrmCodeFixTest(string source, string fixedSource, bool withRuntime = true)
    {
        ReferenceAssemblies = TestReferences.None;
        TestCode = source;
        FixedCode = fixedSource;
        var references = withRuntime ? TestReferences.Net80WithRuntime : TestReferences.Net80;
        TestState.AdditionalReferences.AddRange(references);
        TestState.Sources.Add((DrmDeclarations.FileName, DrmDeclarations.Source));
        FixedState.Sources.Add((DrmDeclarations.FileName, DrmDeclarations.Source));
    }

    /// <summary>Top-level statements need an exe.</summary>
    public bool IsExecutable
    {
        get => TestState.OutputKind == OutputKind.ConsoleApplication;
        set
        {
            TestState.OutputKind = value ? OutputKind.ConsoleApplication : null;
            FixedState.OutputKind = TestState.OutputKind;
        }
    }

    /// <summary>The C# version of the test project (default: the latest).</summary>
    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    protected override ParseOptions CreateParseOptions()
        => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => DrmAnalyzers.All();

    /// <summary>Runs the test, picking the fix with <paramref name="equivalenceKey"/> when given.</summary>
    public static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null, bool withRuntime = true, bool executable = false)
    {
        var test = new DrmCodeFixTest<TCodeFix>(source, fixedSource, withRuntime)
        {
            CodeActionEquivalenceKey = equivalenceKey,
            IsExecutable = executable,
        };
        return test.RunAsync(CancellationToken.None);
    }
}

/// <summary>Placeholder analyzer type argument: the real analyzers come from <see cref="DrmAnalyzers"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
    }
}
