using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using MsDrm.Analyzers.Rules;
using MsDrm.Testing;

namespace MsDrm.Analyzers.Tests.MSDRM007;

/// <summary>Runs MSDRM007 with the shared test setup; unsafe code allowed (<c>char*</c> buffers, <c>uint*</c> handles).</summary>
internal static class MSDRM007Verifier
{
    internal static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<MSDRM007ImportDeclarationAnalyzer>.Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
        });
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>An expected MSDRM007 at markup location 0 with its full message.</summary>
    internal static DiagnosticResult Diagnostic(string name, string function, string mismatches)
        => CSharpAnalyzerVerifier<MSDRM007ImportDeclarationAnalyzer>.Diagnostic()
            .WithLocation(0)
            .WithArguments(name, function, mismatches);
}
