namespace MsDrm.CodeFixes.Tests.MSDRM007;

/// <summary>The fixes that change what callers see: return type, handle width, out created handles.</summary>
public class MSDRM007SignatureFixTests
{
    private const string Return = "MSDRM007.HresultReturn";
    private const string Handle = "MSDRM007.UInt32Handle";
    private const string Out = "MSDRM007.OutCreatedHandle";
    private const string Every = "MSDRM007.EveryMismatch";

    [Fact]
    public Task Every_mismatch_action_fixes_a_declaration_with_four_kinds_in_one_step() => MSDRM007FixTest.VerifyAsync("""
        using System;
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll")] internal static extern bool {|MSDRM007:DRMCreateEnablingPrincipal|}(long hEnv, uint hLibrary, string wszObject, IntPtr idPrincipal, string wszCredentials, uint phEnablingPrincipal);
            [DllImport("msdrm.dll")] internal static extern void {|MSDRM007:DRMCreateUser|}(string wszUserName, string wszUserId, string wszUserIdType, ulong phUser);
        }
        """, """
        using System;
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMCreateEnablingPrincipal(uint hEnv, uint hLibrary, string wszObject, IntPtr idPrincipal, string wszCredentials, out uint phEnablingPrincipal);
            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMCreateUser(string wszUserName, string wszUserId, string wszUserIdType, out uint phUser);
        }
        """, Every);

    [Fact]
    public Task Every_mismatch_action_leaves_the_signature_changes_a_caller_would_break() => MSDRM007FixTest.VerifyPartialAsync("""
        using System;
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll")] internal static extern bool {|MSDRM007:DRMCreateEnablingPrincipal|}(long hEnv, uint hLibrary, string wszObject, IntPtr idPrincipal, string wszCredentials, uint phEnablingPrincipal);

            internal static bool Create(uint principal) => DRMCreateEnablingPrincipal(1, 2, "o", IntPtr.Zero, "c", principal);
        }
        """, """
        using System;
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern bool {|MSDRM007:DRMCreateEnablingPrincipal|}(uint hEnv, uint hLibrary, string wszObject, IntPtr idPrincipal, string wszCredentials, uint phEnablingPrincipal);

            internal static bool Create(uint principal) => DRMCreateEnablingPrincipal(1, 2, "o", IntPtr.Zero, "c", principal);
        }
        """, Every);

    [Fact]
    public Task Bool_return_becomes_int_and_its_MarshalAs_goes() => MSDRM007FixTest.VerifyAsync("""
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [return: MarshalAs(UnmanagedType.Bool)]
            [DllImport("msdrm.dll")]
            internal static extern bool {|MSDRM007:DRMCloseSession|}(uint hSession);

            internal static void Close(uint session)
            {
                DRMCloseSession(session);
            }
        }
        """, """
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll")]
            internal static extern int DRMCloseSession(uint hSession);

            internal static void Close(uint session)
            {
                DRMCloseSession(session);
            }
        }
        """, Return);

    [Fact]
    public Task Inline_return_attribute_goes_and_the_indentation_stays() => MSDRM007FixTest.VerifyAsync("""
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll")] [return: MarshalAs(UnmanagedType.I1)] internal static extern bool {|MSDRM007:DRMCloseHandle|}(uint handle);
            [return: MarshalAs(UnmanagedType.I1)] [DllImport("msdrm.dll")] internal static extern bool {|MSDRM007:DRMClosePubHandle|}(uint hPub);
        }
        """, """
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll")] internal static extern int DRMCloseHandle(uint handle);
            [DllImport("msdrm.dll")] internal static extern int DRMClosePubHandle(uint hPub);
        }
        """, Return);

    [Fact]
    public Task Void_and_long_results_become_int_in_one_fix_all() => MSDRM007FixTest.VerifyAsync("""
        using System.Runtime.InteropServices;

        internal static partial class Imports
        {
            [DllImport("msdrm.dll")] internal static extern void {|MSDRM007:DRMRepair|}();
            [DllImport("msdrm.dll")] internal static extern long {|MSDRM007:DRMCloseQueryHandle|}(uint hQuery);
            [LibraryImport("msdrm.dll", EntryPoint = "DRMCloseEnvironmentHandle")] internal static partial nint {|MSDRM007:CloseEnvironment|}(uint hEnv);
            internal static partial nint CloseEnvironment(uint hEnv) => 0;
        }
        """, """
        using System.Runtime.InteropServices;

        internal static partial class Imports
        {
            [DllImport("msdrm.dll")] internal static extern int DRMRepair();
            [DllImport("msdrm.dll")] internal static extern int DRMCloseQueryHandle(uint hQuery);
            [LibraryImport("msdrm.dll", EntryPoint = "DRMCloseEnvironmentHandle")] internal static partial int CloseEnvironment(uint hEnv);
            internal static partial int CloseEnvironment(uint hEnv) => 0;
        }
        """, Return);

    [Fact]
    public Task PreserveSig_false_result_becomes_void() => MSDRM007FixTest.VerifyAsync("""
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll", PreserveSig = false)]
            internal static extern int {|MSDRM007:DRMCloseSession|}(uint hSession);
        }
        """, """
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll", PreserveSig = false)]
            internal static extern void DRMCloseSession(uint hSession);
        }
        """, Return);

    [Fact]
    public Task Wide_handles_become_uint_keeping_out_and_pointers() => MSDRM007FixTest.VerifyAsync("""
        using System.Runtime.InteropServices;

        internal static unsafe class Imports
        {
            [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMDuplicateHandle|}(long hToCopy, out ulong phCopy);
            [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMDuplicateSession|}(uint hSessionIn, long* phSessionOut);

            internal static int Copy(uint handle)
            {
                int hr = DRMDuplicateHandle(handle, out var copy);
                return hr < 0 ? hr : DRMCloseHandleLater(copy);
            }

            private static int DRMCloseHandleLater(object copy) => 0;
        }
        """, """
        using System.Runtime.InteropServices;

        internal static unsafe class Imports
        {
            [DllImport("msdrm.dll")] internal static extern int DRMDuplicateHandle(uint hToCopy, out uint phCopy);
            [DllImport("msdrm.dll")] internal static extern int DRMDuplicateSession(uint hSessionIn, uint* phSessionOut);

            internal static int Copy(uint handle)
            {
                int hr = DRMDuplicateHandle(handle, out var copy);
                return hr < 0 ? hr : DRMCloseHandleLater(copy);
            }

            private static int DRMCloseHandleLater(object copy) => 0;
        }
        """, Handle);

    [Fact]
    public Task Created_handle_gets_out_and_loses_In() => MSDRM007FixTest.VerifyAsync("""
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMDuplicatePubHandle|}(uint hPubIn, [In] uint phPubOut);
            [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMDuplicateEnvironmentHandle|}(uint hToCopy,
                System.IntPtr phCopy);
        }
        """, """
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll")] internal static extern int DRMDuplicatePubHandle(uint hPubIn, out uint phPubOut);
            [DllImport("msdrm.dll")] internal static extern int DRMDuplicateEnvironmentHandle(uint hToCopy,
                out System.IntPtr phCopy);
        }
        """, Out);

    [Fact]
    public Task One_kind_at_a_time_leaves_the_other_kinds_reported() => MSDRM007FixTest.VerifyPartialAsync("""
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll")] internal static extern bool {|MSDRM007:DRMCreateUser|}(string wszUserName, string wszUserId, string wszUserIdType, uint phUser);
        }
        """, """
        using System.Runtime.InteropServices;

        internal static class Imports
        {
            [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern bool {|MSDRM007:DRMCreateUser|}(string wszUserName, string wszUserId, string wszUserIdType, uint phUser);
        }
        """, "MSDRM007.Utf16Strings");
}
