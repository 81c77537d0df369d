using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.Rules;
using MsDrm.Testing;
using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM007;

/// <summary>
/// MSDRM007 looks at a type's methods in one callback, so a method of a user's type can be generated
/// (a <c>[GeneratedCode]</c> method, or a part of a partial type in a generated file): it stays silent
/// there, and the same declaration in the user's own code is reported.
/// </summary>
public sealed class MSDRM007GeneratedCodeTests
{
    private const string Wrong = """[DllImport("msdrm.dll")] internal static extern int DRMDuplicateSession(ulong hSessionIn, out ulong phSessionOut);""";

    [Theory]
    [InlineData("", 1)]
    [InlineData("[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")]", 0)]
    public async Task A_generated_import_in_a_users_type_is_silent(string attribute, int expected)
    {
        string source = $$"""
            using System.Runtime.InteropServices;

            internal static class Imports
            {
                internal static int Unrelated() => 0;

                {{attribute}}
                {{Wrong}}
            }
            """;
        Assert.Equal(expected, (await ReportedAsync(("/Imports.cs", source))).Length);
    }

    [Theory]
    [InlineData("/Imports.Native.cs", 1)]
    [InlineData("/Imports.Native.g.cs", 0)]
    public async Task An_import_in_the_generated_part_of_a_partial_type_is_silent(string path, int expected)
    {
        const string UserPart = """
            internal static partial class Imports
            {
                internal static int Unrelated() => 0;
            }
            """;
        string otherPart = $$"""
            using System.Runtime.InteropServices;

            internal static partial class Imports
            {
                {{Wrong}}
            }
            """;
        Assert.Equal(expected, (await ReportedAsync(("/Imports.cs", UserPart), (path, otherPart))).Length);
    }

    private static async Task<ImmutableArray<Diagnostic>> ReportedAsync(params (string Path, string Source)[] files)
    {
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile(files), [new MSDRM007ImportDeclarationAnalyzer()]);
        Assert.Empty(run.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.Exceptions);
        return run.AnalyzerDiagnostics.Where(d => d.Id == DiagnosticIds.ImportDeclaration).ToImmutableArray();
    }
}
