using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM007;

/// <summary>A <c>static extern</c> local function with <c>[DllImport]</c> is an import like a method: checked the same way.</summary>
public sealed class MSDRM007LocalFunctionTests
{
    [Fact]
    public Task Ansi_string_in_an_extern_local_function_is_reported()
        => MSDRM007Verifier.VerifyAsync("""
            using System.Runtime.InteropServices;

            internal static class Licenses
            {
                internal static int Add(uint session, string license)
                {
                    return DRMAddLicense(session, 0, license);

                    [DllImport("msdrm.dll")]
                    static extern int {|#0:DRMAddLicense|}(uint hLicenseStorage, uint uFlags, string wszLicense);
                }
            }
            """,
            MSDRM007Verifier.Diagnostic("DRMAddLicense", "DRMAddLicense", "string parameter 'wszLicense' is marshalled as ANSI; msdrm.dll expects UTF-16"));

    [Fact]
    public Task Unicode_extern_local_function_is_silent()
        => MSDRM007Verifier.VerifyAsync("""
            using System.Runtime.InteropServices;

            internal static class Licenses
            {
                internal static int Add(uint session, string license)
                {
                    return DRMAddLicense(session, 0, license);

                    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
                    static extern int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense);
                }
            }
            """);

    [Fact]
    public Task Local_function_with_a_body_and_a_DRM_name_is_silent()
        => MSDRM007Verifier.VerifyAsync("""
            internal static class Licenses
            {
                internal static bool Add(uint session)
                {
                    return DRMCloseSession(session);

                    static bool DRMCloseSession(long hSession) => hSession != 0;
                }
            }
            """);
}
