using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.Rules;
using MsDrm.Testing;
using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM007;

/// <summary>Broken or odd declarations with msdrm.dll names: no MSDRM007, no AD0001, no exception.</summary>
public sealed class MSDRM007BadInputTests
{
    public static TheoryData<string, string> Inputs() => new()
    {
        { "DllImport without arguments", """[DllImport] internal static extern bool DRMCloseSession(long hSession);""" },
        { "DllImport with an empty argument list", """[DllImport()] internal static extern bool DRMCloseSession(long hSession);""" },
        { "DllImport unclosed", """[DllImport("msdrm.dll" internal static extern bool DRMCloseSession(long hSession);""" },
        { "DllImport with a named argument missing its value", """[DllImport("msdrm.dll", CharSet = )] internal static extern int DRMAddLicense(uint h, uint f, string wszLicense);""" },
        { "DllImport with an unknown CharSet member", """[DllImport("msdrm.dll", CharSet = CharSet.Bogus)] internal static extern int DRMAddLicense(uint h, uint f, string wszLicense);""" },
        { "DllImport with a non-constant library name", """[DllImport(Name)] internal static extern bool DRMCloseSession(long hSession); internal static string Name = "msdrm.dll";""" },
        { "MarshalAs without arguments", """[DllImport("msdrm.dll")] internal static extern int DRMAddLicense(uint h, uint f, [MarshalAs] string wszLicense);""" },
        { "MarshalAs unclosed", """[DllImport("msdrm.dll")] internal static extern int DRMAddLicense(uint h, uint f, [MarshalAs(UnmanagedType.LPStr string wszLicense);""" },
        { "Non-extern method with a DRM name", """internal static bool DRMCloseSession(long hSession) => true;""" },
        { "DllImport on a method with a body", """[DllImport("msdrm.dll")] internal static bool DRMCloseSession(long hSession) => true;""" },
        { "Extern without any import attribute", """internal static extern bool DRMCloseSession(long hSession);""" },
        { "Instance extern", """[DllImport("msdrm.dll")] internal extern bool DRMCloseSession(long hSession);""" },
        { "Generic extern", """[DllImport("msdrm.dll")] internal static extern bool DRMCloseSession<T>(T hSession);""" },
        { "Partial without implementation or attribute", """internal static partial bool DRMCloseSession(long hSession);""" },
        { "Old-style partial void", """static partial void DRMRepair();""" },
        { "LibraryImport on a method with a body", """[LibraryImport("msdrm.dll")] internal static bool DRMCloseSession(long hSession) => true;""" },
        { "LibraryImport with a broken EntryPoint", """[LibraryImport("msdrm.dll", EntryPoint = )] internal static partial bool DRMCloseSession(long hSession);""" },
        { "Unknown parameter type", """[DllImport("msdrm.dll")] internal static extern bool DRMCloseSession(Missing hSession);""" },
        { "Unknown return type", """[DllImport("msdrm.dll")] internal static extern Missing DRMCloseSession(long hSession);""" },
        { "Missing parameter name", """[DllImport("msdrm.dll")] internal static extern bool DRMCloseSession(long);""" },
        { "Fewer parameters than the native function", """[DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMCreateEnablingPrincipal(uint hEnv);""" },
        { "Property with a DRM name", """internal static bool DRMCloseSession => true;""" },
    };

    [Fact]
    public void There_are_at_least_ten_inputs() => Assert.True(Inputs().Count >= 10);

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Bad_input_gets_no_diagnostic_and_no_crash(string description, string member)
    {
        Assert.NotEmpty(description);
        string source = "using System.Runtime.InteropServices;\n\ninternal static partial class Imports\n{\n    " + member + "\n}\n";
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/Bad.cs", source)]),
            ImmutableArray.Create<DiagnosticAnalyzer>(new MSDRM007ImportDeclarationAnalyzer()));

        Assert.Empty(run.Exceptions.Select(e => e.ToString()));
        Assert.Empty(run.AnalyzerDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task Generic_containing_type_is_skipped_and_a_correct_neighbour_still_reported()
    {
        string source = """
            using System.Runtime.InteropServices;

            internal static class Outer<T>
            {
                [DllImport("msdrm.dll")] internal static extern bool DRMCloseSession(long hSession);
            }

            internal static class Imports
            {
                [DllImport("msdrm.dll")] internal static extern bool DRMCloseHandle(long handle);
            }
            """;
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/Bad.cs", source)]),
            ImmutableArray.Create<DiagnosticAnalyzer>(new MSDRM007ImportDeclarationAnalyzer()));

        Assert.Empty(run.Exceptions.Select(e => e.ToString()));
        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics);
        Assert.Equal(DiagnosticIds.ImportDeclaration, diagnostic.Id);
        Assert.Contains("'DRMCloseHandle'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }
}
