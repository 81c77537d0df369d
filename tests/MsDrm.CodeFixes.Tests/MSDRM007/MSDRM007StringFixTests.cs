namespace MsDrm.CodeFixes.Tests.MSDRM007;

/// <summary>The UTF-16 string fix: CharSet, StringMarshalling, and narrow [MarshalAs] values.</summary>
public class MSDRM007StringFixTests
{
    private const string Key = "MSDRM007.Utf16Strings";

    [Fact]
    public Task Missing_CharSet_is_added_after_the_last_argument() => MSDRM007FixTest.VerifyAsync("""
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            // Parses the license.
            [DllImport("msdrm.dll", ExactSpelling = true)]
            internal static extern int {|MSDRM007:DRMParseUnboundLicense|}(string wszCertificate, out uint phQueryRoot);
        }
        """, """
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            // Parses the license.
            [DllImport("msdrm.dll", ExactSpelling = true, CharSet = CharSet.Unicode)]
            internal static extern int DRMParseUnboundLicense(string wszCertificate, out uint phQueryRoot);
        }
        """, Key);

    [Fact]
    public Task CharSet_Ansi_becomes_Unicode_keeping_the_qualification() => MSDRM007FixTest.VerifyAsync("""
        internal static class Imports
        {
            [System.Runtime.InteropServices.DllImport("msdrm.dll", CharSet = System.Runtime.InteropServices.CharSet.Ansi)]
            internal static extern int {|MSDRM007:DRMAddLicense|}(uint hLicenseStorage, uint uFlags, string wszLicense);
        }
        """, """
        internal static class Imports
        {
            [System.Runtime.InteropServices.DllImport("msdrm.dll", CharSet = System.Runtime.InteropServices.CharSet.Unicode)]
            internal static extern int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense);
        }
        """, Key);

    [Fact]
    public Task Explicit_narrow_MarshalAs_values_become_wide() => MSDRM007FixTest.VerifyAsync("""
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
            internal static extern int {|MSDRM007:DRMCreateRight|}([MarshalAs(UnmanagedType.LPStr)] string wszRightName, System.IntPtr pstFrom, System.IntPtr pstUntil, uint cExtendedInfo, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPUTF8Str)] string[] pwszExtendedInfoName, [MarshalAs(UnmanagedType.U1)] ref char pwszExtendedInfoValue, out uint phRight);
        }
        """, """
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
            internal static extern int DRMCreateRight([MarshalAs(UnmanagedType.LPWStr)] string wszRightName, System.IntPtr pstFrom, System.IntPtr pstUntil, uint cExtendedInfo, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPWStr)] string[] pwszExtendedInfoName, [MarshalAs(UnmanagedType.U2)] ref char pwszExtendedInfoValue, out uint phRight);
        }
        """, Key);

    [Fact]
    public Task LibraryImport_gets_StringMarshalling_Utf16() => MSDRM007FixTest.VerifyAsync("""
        using System.Runtime.InteropServices;

        internal static partial class Imports
        {
            [LibraryImport("msdrm.dll")]
            internal static partial int {|MSDRM007:DRMAddLicense|}(uint hLicenseStorage, uint uFlags, string wszLicense);
            internal static partial int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense) => 0;

            [LibraryImport("msdrm.dll", StringMarshalling = StringMarshalling.Utf8)]
            internal static partial int {|MSDRM007:DRMDeleteLicense|}(uint hSession, string wszLicenseId);
            internal static partial int DRMDeleteLicense(uint hSession, string wszLicenseId) => 0;
        }
        """, """
        using System.Runtime.InteropServices;

        internal static partial class Imports
        {
            [LibraryImport("msdrm.dll", StringMarshalling = StringMarshalling.Utf16)]
            internal static partial int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense);
            internal static partial int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense) => 0;

            [LibraryImport("msdrm.dll", StringMarshalling = StringMarshalling.Utf16)]
            internal static partial int DRMDeleteLicense(uint hSession, string wszLicenseId);
            internal static partial int DRMDeleteLicense(uint hSession, string wszLicenseId) => 0;
        }
        """, Key);

    [Fact]
    public Task Fix_all_marshals_every_declaration_of_the_file() => MSDRM007FixTest.VerifyAsync("""
        using System.Runtime.InteropServices;
        using System.Text;

        internal static class Imports
        {
            [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMCreateUser|}(string wszUserName, string wszUserId, string wszUserIdType, out uint phUser);
            [DllImport("msdrm.dll", CharSet = CharSet.Ansi)] internal static extern int {|MSDRM007:DRMGetSecurityProvider|}(uint uFlags, ref uint puTypeLen, StringBuilder wszType, ref uint puPathLen, StringBuilder wszPath);
            [DllImport("msdrm.dll")] internal static extern int DRMCloseSession(uint hSession);
            [DllImport("PresentationHost_cor3.dll", EntryPoint = "DRMAddLicense")] internal static extern int {|MSDRM007:AddLicense|}(uint hLicenseStorage, uint uFlags, char[] wszLicense);
        }
        """, """
        using System.Runtime.InteropServices;
        using System.Text;

        internal static class Imports
        {
            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMCreateUser(string wszUserName, string wszUserId, string wszUserIdType, out uint phUser);
            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMGetSecurityProvider(uint uFlags, ref uint puTypeLen, StringBuilder wszType, ref uint puPathLen, StringBuilder wszPath);
            [DllImport("msdrm.dll")] internal static extern int DRMCloseSession(uint hSession);
            [DllImport("PresentationHost_cor3.dll", EntryPoint = "DRMAddLicense", CharSet = CharSet.Unicode)] internal static extern int AddLicense(uint hLicenseStorage, uint uFlags, char[] wszLicense);
        }
        """, Key);

    [Fact]
    public Task Without_an_interop_using_the_new_value_brings_its_import() => MSDRM007FixTest.VerifyAsync("""
        internal static class Imports
        {
            [System.Runtime.InteropServices.DllImport("msdrm.dll")]
            internal static extern int {|MSDRM007:DRMAddLicense|}(uint hLicenseStorage, uint uFlags, string wszLicense);
        }
        """, """
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [System.Runtime.InteropServices.DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
            internal static extern int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense);
        }
        """, Key);
}
