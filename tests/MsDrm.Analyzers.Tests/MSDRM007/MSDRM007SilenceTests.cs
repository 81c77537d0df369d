using MsDrm.Testing.Cases;
using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM007;

/// <summary>Declarations that are right, or not msdrm.dll imports at all, stay silent.</summary>
public sealed class MSDRM007SilenceTests
{
    [Theory]
    [InlineData("""    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMCreateUser(string wszUserName, string wszUserId, string wszUserIdType, out uint phUser);""")]
    [InlineData("""    [DllImport("msdrm.dll")] internal static extern int DRMCreateUser([MarshalAs(UnmanagedType.LPWStr)] string wszUserName, [MarshalAs(UnmanagedType.LPTStr)] string wszUserId, [MarshalAs(UnmanagedType.BStr)] string wszUserIdType, out uint phUser);""")]
    [InlineData("""    [DllImport("msdrm.dll", PreserveSig = false)] internal static extern void DRMCloseSession(uint hSession);""")]
    [InlineData("""    [DllImport("msdrm.dll")] internal static extern int DRMDuplicateSession(int hSessionIn, out int phSessionOut);""")]
    [InlineData("""    [DllImport("msdrm.dll")] internal static extern int DRMDuplicateSession(nint hSessionIn, out nint phSessionOut);""")]
    [InlineData("""    [DllImport("msdrm.dll")] internal static extern int DRMDuplicateSession(UIntPtr hSessionIn, ref nuint phSessionOut);""")]
    [InlineData("""    [DllImport("msdrm.dll")] internal static extern unsafe int DRMDuplicateSession(uint hSessionIn, uint* phSessionOut);""")]
    [InlineData("""    [DllImport("msdrm.dll")] internal static extern int DRMDuplicateSession(uint hSessionIn, uint[] phSessionOut);""")]
    [InlineData("""    [DllImport("msdrm.dll")] internal static extern int DRMDuplicateSession(uint hSessionIn, in uint phSessionOut);""")]
    [InlineData("""    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMGetSecurityProvider(uint uFlags, ref uint puTypeLen, StringBuilder wszType, ref uint puPathLen, StringBuilder wszPath);""")]
    [InlineData("""    [DllImport("msdrm.dll")] internal static extern unsafe int DRMGetSecurityProvider(uint uFlags, ref uint puTypeLen, char* wszType, ref uint puPathLen, char* wszPath);""")]
    [InlineData("""    [DllImport("msdrm.dll")] internal static extern int DRMGetSecurityProvider(uint uFlags, ref uint puTypeLen, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.U2)] char[] wszType, ref uint puPathLen, IntPtr wszPath);""")]
    [InlineData("""    [DllImport("msdrm.dll")] internal static extern int DRMAddLicense(uint hLicenseStorage, uint uFlags, [MarshalAs(UnmanagedType.CustomMarshaler, MarshalTypeRef = typeof(object))] string wszLicense);""")]
    [InlineData("""    [DllImport("msdrm.dll")] internal static extern uint DRMCloseSession(uint hSession);""")]
    [InlineData("""    internal enum Hr : uint { Ok = 0 }  [DllImport("msdrm.dll")] internal static extern Hr DRMCloseSession(uint hSession);""")]
    [InlineData("""    [DllImport("msdrm.dll")] internal static extern int DRMCloseSession(uint hSession);  [DllImport("msdrm.dll")] internal static extern void NotADrmFunction(long value, string text);""")]
    [InlineData("""    [DllImport("msdrm.dll", EntryPoint = "SomethingElse")] internal static extern bool DRMCloseSession(long hSession);""")]
    [InlineData("""    [DllImport("kernel32.dll")] internal static extern bool CloseHandle(IntPtr handle);""")]
    public Task Correct_or_unrelated_declaration_is_silent(string members)
        => MSDRM007Verifier.VerifyAsync(ImportDeclarationCases.Wrap(members));

    [Fact]
    public Task Module_DefaultCharSet_Unicode_makes_strings_UTF16()
        => MSDRM007Verifier.VerifyAsync("""
            using System.Runtime.InteropServices;

            [module: DefaultCharSet(CharSet.Unicode)]

            internal static class Imports
            {
                [DllImport("msdrm.dll")] internal static extern int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense);
            }
            """);

    [Fact]
    public Task CsWin32_style_HRESULT_struct_in_another_namespace_is_a_correct_result()
        => MSDRM007Verifier.VerifyAsync("""
            namespace Windows.Win32.Foundation
            {
                internal readonly partial struct HRESULT
                {
                    internal readonly int Value;
                    internal static readonly HRESULT S_OK = default;
                    internal bool Succeeded => Value >= 0;
                }
            }

            namespace Windows.Win32
            {
                using System.Runtime.InteropServices;
                using Windows.Win32.Foundation;

                internal static partial class PInvoke
                {
                    [DllImport("msdrm.dll", ExactSpelling = true)]
                    internal static extern unsafe HRESULT DRMCloseSession(uint hSession);

                    [DllImport("msdrm.dll", ExactSpelling = true)]
                    internal static extern unsafe HRESULT DRMParseUnboundLicense([MarshalAs(UnmanagedType.LPWStr)] string wszCertificate, uint* phQueryRoot);
                }
            }
            """);

    [Fact]
    public Task LibraryImport_with_custom_string_marshalling_or_MarshalUsing_is_the_users_choice()
        => MSDRM007Verifier.VerifyAsync(ImportDeclarationCases.Wrap("""
                [LibraryImport("msdrm.dll", StringMarshalling = StringMarshalling.Custom, StringMarshallingCustomType = typeof(System.Runtime.InteropServices.Marshalling.Utf16StringMarshaller))]
                internal static partial int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense);
                internal static partial int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense) => 0;

                [LibraryImport("msdrm.dll")]
                internal static partial int DRMParseUnboundLicense([System.Runtime.InteropServices.Marshalling.MarshalUsing(typeof(System.Runtime.InteropServices.Marshalling.Utf16StringMarshaller))] string wszCertificate, out uint phQueryRoot);
                internal static partial int DRMParseUnboundLicense(string wszCertificate, out uint phQueryRoot) { phQueryRoot = 0; return 0; }
            """));

    [Fact]
    public Task Generated_code_is_skipped()
        => MSDRM007Verifier.VerifyAsync("""
            // <auto-generated/>
            using System.Runtime.InteropServices;

            internal static class Imports
            {
                [DllImport("msdrm.dll")] internal static extern bool DRMCloseSession(long hSession);
            }
            """);
}
