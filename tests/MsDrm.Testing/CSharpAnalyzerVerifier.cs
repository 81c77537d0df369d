using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MsDrm.Testing;

/// <summary>
/// Verifier wrapper for analyzer tests: every test compilation gets the .NET 8 references, the
/// runtime wrapper and the user's msdrm.dll declarations (<see cref="DrmDeclarations"/>).
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected diagnostic of the analyzer's only rule.</summary>
    public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

    /// <summary>An expected diagnostic with the given id.</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(diagnosticId);

    /// <summary>Runs the analyzer over <paramref name="source"/> (with markup) and checks the diagnostics.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The configured test: add sources, options or expectations before running it.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        /// <summary>Creates a test with the shared references and declarations.</summary>
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.Net80WithRuntime);
            TestState.Sources.Add((DrmDeclarations.FileName, DrmDeclarations.Source));
        }
    }
}
