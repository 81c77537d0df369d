using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.Rules;
using MsDrm.Testing;
using MsDrm.Testing.Cases;
using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM007;

/// <summary>What MSDRM007 says: one diagnostic per declaration, naming each mismatch, with properties for the fixes.</summary>
public sealed class MSDRM007MessageTests
{
    [Fact]
    public Task Ansi_string_is_named_with_the_parameter()
        => MSDRM007Verifier.VerifyAsync(
            ImportDeclarationCases.Wrap("""    [DllImport("msdrm.dll")] internal static extern int {|#0:DRMAddLicense|}(uint hLicenseStorage, uint uFlags, string wszLicense);"""),
            MSDRM007Verifier.Diagnostic("DRMAddLicense", "DRMAddLicense", "string parameter 'wszLicense' is marshalled as ANSI; msdrm.dll expects UTF-16"));

    [Fact]
    public Task Utf8_and_missing_string_marshalling_are_named()
        => MSDRM007Verifier.VerifyAsync(
            ImportDeclarationCases.Wrap("""
                [LibraryImport("msdrm.dll")] internal static partial int {|#0:DRMCreateUser|}([MarshalAs(UnmanagedType.LPUTF8Str)] string wszUserName, string wszUserId, [MarshalAs(UnmanagedType.LPWStr)] string wszUserIdType, out uint phUser);
                internal static partial int DRMCreateUser(string wszUserName, string wszUserId, string wszUserIdType, out uint phUser) { phUser = 0; return 0; }
            """),
            MSDRM007Verifier.Diagnostic(
                "DRMCreateUser",
                "DRMCreateUser",
                "string parameter 'wszUserName' is marshalled as UTF-8; msdrm.dll expects UTF-16; string parameter 'wszUserId' has no string marshalling; msdrm.dll expects UTF-16"));

    [Fact]
    public Task Every_kind_in_one_declaration_gives_one_diagnostic_naming_each()
        => MSDRM007Verifier.VerifyAsync(
            ImportDeclarationCases.Wrap("""    [DllImport("msdrm.dll", EntryPoint = "DRMCreateEnablingPrincipal")] internal static extern bool {|#0:CreatePrincipal|}(long hEnv, uint hLibrary, string wszObject, IntPtr idPrincipal, string wszCredentials, ulong phEnablingPrincipal);"""),
            MSDRM007Verifier.Diagnostic(
                "CreatePrincipal",
                "DRMCreateEnablingPrincipal",
                "return type 'bool' is not the 32-bit HRESULT msdrm.dll returns; "
                + "handle parameter 'hEnv' is declared 'long'; msdrm.dll handles are 32-bit; "
                + "string parameter 'wszObject' is marshalled as ANSI; msdrm.dll expects UTF-16; "
                + "string parameter 'wszCredentials' is marshalled as ANSI; msdrm.dll expects UTF-16; "
                + "handle parameter 'phEnablingPrincipal' is declared 'ulong'; msdrm.dll handles are 32-bit; "
                + "created handle parameter 'phEnablingPrincipal' is passed by value; msdrm.dll writes the new handle through a pointer (out)"));

    [Fact]
    public Task PreserveSig_false_with_a_result_is_named()
        => MSDRM007Verifier.VerifyAsync(
            ImportDeclarationCases.Wrap("""    [DllImport("msdrm.dll", PreserveSig = false)] internal static extern uint {|#0:DRMCloseSession|}(uint hSession);"""),
            MSDRM007Verifier.Diagnostic("DRMCloseSession", "DRMCloseSession", "return type 'uint' with PreserveSig = false stands for an out parameter msdrm.dll does not have (declare it void)"));

    [Fact]
    public async Task Properties_list_the_mismatch_kinds_once_each()
    {
        string source = ImportDeclarationCases.Wrap("""    [DllImport("msdrm.dll")] internal static extern void DRMCreateUser(string wszUserName, string wszUserId, string wszUserIdType, uint phUser);""");
        Diagnostic diagnostic = Assert.Single(await RunAsync(source));
        Assert.Equal("ReturnType,StringNotUtf16,CreatedHandleByValue", diagnostic.Properties[DiagnosticProperties.Mismatches]);
        Assert.Equal("DRMCreateUser", diagnostic.Properties[DiagnosticProperties.Function]);
        Assert.Equal("https://github.com/msdrm-analyzers/MsDrm.Analyzers/blob/main/docs/rules/MSDRM007.md", diagnostic.Descriptor.HelpLinkUri);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public async Task Two_wrong_declarations_give_two_diagnostics_on_their_names()
    {
        string source = ImportDeclarationCases.Wrap("""
                [DllImport("msdrm.dll")] internal static extern bool DRMCloseSession(uint hSession);
                [DllImport("msdrm.dll")] internal static extern int DRMCloseHandle(long handle);
            """);
        var diagnostics = (await RunAsync(source)).OrderBy(d => d.Location.SourceSpan.Start).ToArray();
        Assert.Equal(["DRMCloseSession", "DRMCloseHandle"], diagnostics.Select(d => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));
    }

    internal static async Task<ImmutableArray<Diagnostic>> RunAsync(string source)
    {
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/Imports.cs", source)]),
            ImmutableArray.Create<DiagnosticAnalyzer>(new MSDRM007ImportDeclarationAnalyzer()));
        Assert.Empty(run.Exceptions.Select(e => e.ToString()));
        Assert.DoesNotContain(run.AnalyzerDiagnostics, d => d.Id == "AD0001");
        return run.AnalyzerDiagnostics.Where(d => d.Id == DiagnosticIds.ImportDeclaration).ToImmutableArray();
    }
}
