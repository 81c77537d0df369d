using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MsDrm.Testing;

namespace MsDrm.Analyzers.Tests.Spec;

/// <summary>
/// Builds the small user programs of the spec-conformance tests (the semantics of docs/rules and docs/design.md) and runs one
/// analyzer over them. The user's own msdrm.dll declarations (<c>Native.DRMxxx</c>) are always present.
/// </summary>
internal static class SpecPrograms
{
    /// <summary>Usings every program starts with.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.InteropServices;
        using System.Threading.Tasks;
        using MsDrm;

        """;

    /// <summary>
    /// A class whose method <c>Run</c> has <paramref name="body"/>; <c>session</c>, <c>env</c>, <c>lib</c>
    /// and <c>license</c> are existing handles, <c>n</c> an int. <paramref name="members"/> are extra
    /// class members, <paramref name="outside"/> extra top-level types.
    /// </summary>
    public static string InMethod(string body, string members = "", string outside = "")
        => Usings + $$"""
        internal sealed class Program
        {
            private uint _field;
            private static uint s_field;
            private uint Prop { get; set; }
            private readonly List<uint> _list = new List<uint>();

            private void Run(uint session, uint env, uint lib, uint license, int n)
            {
        {{body}}
            }

            private static uint s_kept;

            // Keep takes ownership of the handle (it stores it): passing a handle to it is an escape.
            private static void Keep(uint handle) => s_kept = handle;
            private static void KeepRef(ref uint handle) { }
            private static bool IsOk(int hr) => hr >= 0;
        {{members}}
        }
        {{outside}}
        """;

    /// <summary>A whole compilation unit (members and types) after the usings.</summary>
    public static string Raw(string text) => Usings + text;

    /// <summary>Runs <typeparamref name="TAnalyzer"/> over <paramref name="source"/>, optionally with an .editorconfig, unsafe code or top-level statements.</summary>
    public static Task Verify<TAnalyzer>(string source, string? editorConfig = null, bool unsafeCode = false, bool topLevel = false, bool allowCompilerErrors = false, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        if (topLevel)
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
        }

        if (allowCompilerErrors)
        {
            test.CompilerDiagnostics = CompilerDiagnostics.None;
        }

        if (unsafeCode)
        {
            test.SolutionTransforms.Add((solution, projectId) =>
            {
                var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
                return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
            });
        }

        return test.RunAsync(CancellationToken.None);
    }
}
