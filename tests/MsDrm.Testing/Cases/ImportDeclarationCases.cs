namespace MsDrm.Testing.Cases;

/// <summary>
/// MSDRM007 cases: each Wrong declares an msdrm.dll import so the call cannot work (markup around
/// the method name), each Correct is the same import declared right. Declarations only: no calls,
/// so no other rule has anything to say. <c>[LibraryImport]</c> partials get a stand-in body
/// (what the generator would emit; the generator does not run in tests).
/// </summary>
public static class ImportDeclarationCases
{
    private const string Template = """
        using System;
        using System.Runtime.InteropServices;
        using System.Text;

        internal static partial class Imports
        {
        MEMBERS
        }
        """;

    /// <summary>Every case, in a stable order; names are unique.</summary>
    public static IReadOnlyList<RuleCase> All { get; } = Build();

    /// <summary>The case called <paramref name="name"/>.</summary>
    public static RuleCase Get(string name) => All.Single(c => c.Name == name);

    /// <summary>Wraps class members into a compilation unit (the <c>Imports</c> class).</summary>
    public static string Wrap(string members) => Template.Replace("MEMBERS", members);

    private static RuleCase Case(string name, string wrong, string correct) => new(name, Wrap(wrong), Wrap(correct));

    private static List<RuleCase> Build() =>
    [
        Case(
            "String_DllImport_without_CharSet",
            """    [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMParseUnboundLicense|}(string wszCertificate, out uint phQueryRoot);""",
            """    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMParseUnboundLicense(string wszCertificate, out uint phQueryRoot);"""),
        Case(
            "String_DllImport_CharSet_Ansi",
            """    [DllImport("msdrm.dll", CharSet = CharSet.Ansi)] internal static extern int {|MSDRM007:DRMCreateUser|}(string wszUserName, string wszUserId, string wszUserIdType, out uint phUser);""",
            """    [DllImport("msdrm.dll", CharSet = CharSet.Auto)] internal static extern int DRMCreateUser(string wszUserName, string wszUserId, string wszUserIdType, out uint phUser);"""),
        Case(
            "String_DllImport_CharSet_None",
            """    [DllImport("msdrm.dll", CharSet = CharSet.None)] internal static extern int {|MSDRM007:DRMAddLicense|}(uint hLicenseStorage, uint uFlags, string wszLicense);""",
            """    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense);"""),
        Case(
            "String_explicit_LPStr_beats_CharSet_Unicode",
            """    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int {|MSDRM007:DRMAddLicense|}(uint hLicenseStorage, uint uFlags, [MarshalAs(UnmanagedType.LPStr)] string wszLicense);""",
            """    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMAddLicense(uint hLicenseStorage, uint uFlags, [MarshalAs(UnmanagedType.LPWStr)] string wszLicense);"""),
        Case(
            "String_one_of_three_without_MarshalAs_LPWStr",
            """    [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMCreateUser|}([MarshalAs(UnmanagedType.LPWStr)] string wszUserName, string wszUserId, [MarshalAs(UnmanagedType.LPWStr)] string wszUserIdType, out uint phUser);""",
            """    [DllImport("msdrm.dll")] internal static extern int DRMCreateUser([MarshalAs(UnmanagedType.LPWStr)] string wszUserName, [MarshalAs(UnmanagedType.LPWStr)] string wszUserId, [MarshalAs(UnmanagedType.LPWStr)] string wszUserIdType, out uint phUser);"""),
        Case(
            "StringBuilder_buffer_without_CharSet",
            """    [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMGetSecurityProvider|}(uint uFlags, ref uint puTypeLen, StringBuilder wszType, ref uint puPathLen, StringBuilder wszPath);""",
            """    [DllImport("msdrm.dll")] internal static extern int DRMGetSecurityProvider(uint uFlags, ref uint puTypeLen, [MarshalAs(UnmanagedType.LPWStr)] StringBuilder wszType, ref uint puPathLen, [MarshalAs(UnmanagedType.LPWStr)] StringBuilder wszPath);"""),
        Case(
            "String_array_with_ArraySubType_LPStr",
            """    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int {|MSDRM007:DRMCreateRight|}(string wszRightName, IntPtr pstFrom, IntPtr pstUntil, uint cExtendedInfo, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string[] pwszExtendedInfoName, string[] pwszExtendedInfoValue, out uint phRight);""",
            """    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMCreateRight(string wszRightName, IntPtr pstFrom, IntPtr pstUntil, uint cExtendedInfo, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPWStr)] string[] pwszExtendedInfoName, string[] pwszExtendedInfoValue, out uint phRight);"""),
        Case(
            "Char_array_buffer_without_CharSet",
            """    [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMGetUserInfo|}(uint hUser, ref uint puUserNameLength, char[] wszUserName, ref uint puUserIdLength, char[] wszUserId, ref uint puUserIdTypeLength, char[] wszUserIdType);""",
            """    [DllImport("msdrm.dll")] internal static extern unsafe int DRMGetUserInfo(uint hUser, ref uint puUserNameLength, char* wszUserName, ref uint puUserIdLength, char* wszUserId, ref uint puUserIdTypeLength, char* wszUserIdType);"""),
        Case(
            "Char_by_ref_marshalled_as_U1",
            """    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int {|MSDRM007:DRMGetMetaData|}(uint hIssuanceLicense, ref uint puContentIdLength, [MarshalAs(UnmanagedType.U1)] ref char wszContentId, ref uint puContentIdTypeLength, IntPtr wszContentIdType, ref uint puSKUIdLength, IntPtr wszSKUId, ref uint puSKUIdTypeLength, IntPtr wszSKUIdType, ref uint puContentTypeLength, IntPtr wszContentType, ref uint puContentNameLength, IntPtr wszContentName);""",
            """    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMGetMetaData(uint hIssuanceLicense, ref uint puContentIdLength, ref char wszContentId, ref uint puContentIdTypeLength, IntPtr wszContentIdType, ref uint puSKUIdLength, IntPtr wszSKUId, ref uint puSKUIdTypeLength, IntPtr wszSKUIdType, ref uint puContentTypeLength, IntPtr wszContentType, ref uint puContentNameLength, IntPtr wszContentName);"""),
        Case(
            "String_LibraryImport_without_StringMarshalling",
            """
                [LibraryImport("msdrm.dll")] internal static partial int {|MSDRM007:DRMParseUnboundLicense|}(string wszCertificate, out uint phQueryRoot);
                internal static partial int DRMParseUnboundLicense(string wszCertificate, out uint phQueryRoot) { phQueryRoot = 0; return 0; }
            """,
            """
                [LibraryImport("msdrm.dll", StringMarshalling = StringMarshalling.Utf16)] internal static partial int DRMParseUnboundLicense(string wszCertificate, out uint phQueryRoot);
                internal static partial int DRMParseUnboundLicense(string wszCertificate, out uint phQueryRoot) { phQueryRoot = 0; return 0; }
            """),
        Case(
            "String_LibraryImport_Utf8",
            """
                [LibraryImport("msdrm.dll", StringMarshalling = StringMarshalling.Utf8)] internal static partial int {|MSDRM007:DRMAddLicense|}(uint hLicenseStorage, uint uFlags, string wszLicense);
                internal static partial int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense) => 0;
            """,
            """
                [LibraryImport("msdrm.dll")] internal static partial int DRMAddLicense(uint hLicenseStorage, uint uFlags, [MarshalAs(UnmanagedType.LPWStr)] string wszLicense);
                internal static partial int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense) => 0;
            """),
        Case(
            "String_LibraryImport_MarshalAs_LPUTF8Str",
            """
                [LibraryImport("msdrm.dll", StringMarshalling = StringMarshalling.Utf16)] internal static partial int {|MSDRM007:DRMAddLicense|}(uint hLicenseStorage, uint uFlags, [MarshalAs(UnmanagedType.LPUTF8Str)] string wszLicense);
                internal static partial int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense) => 0;
            """,
            """
                [LibraryImport("msdrm.dll", StringMarshalling = StringMarshalling.Utf16)] internal static partial int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense);
                internal static partial int DRMAddLicense(uint hLicenseStorage, uint uFlags, string wszLicense) => 0;
            """),
        Case(
            "Return_bool",
            """    [DllImport("msdrm.dll")] internal static extern bool {|MSDRM007:DRMCloseSession|}(uint hSession);""",
            """    [DllImport("msdrm.dll")] internal static extern int DRMCloseSession(uint hSession);"""),
        Case(
            "Return_void",
            """    [DllImport("msdrm.dll")] internal static extern void {|MSDRM007:DRMRepair|}();""",
            """    [DllImport("msdrm.dll", PreserveSig = false)] internal static extern void DRMRepair();"""),
        Case(
            "Return_long",
            """    [DllImport("msdrm.dll")] internal static extern long {|MSDRM007:DRMClosePubHandle|}(uint hPub);""",
            """    [DllImport("msdrm.dll")] internal static extern uint DRMClosePubHandle(uint hPub);"""),
        Case(
            "Return_IntPtr_instead_of_HRESULT_struct",
            """
                [DllImport("msdrm.dll")] internal static extern IntPtr {|MSDRM007:DRMCloseQueryHandle|}(uint hQuery);
                internal readonly struct HRESULT { public readonly int Value; }
            """,
            """
                [DllImport("msdrm.dll")] internal static extern HRESULT DRMCloseQueryHandle(uint hQuery);
                internal readonly struct HRESULT { public readonly int Value; }
            """),
        Case(
            "Return_long_based_enum",
            """
                internal enum DrmResult : long { Ok = 0 }
                [DllImport("msdrm.dll")] internal static extern DrmResult {|MSDRM007:DRMCloseEnvironmentHandle|}(uint hEnv);
            """,
            """
                internal enum DrmResult { Ok = 0 }
                [DllImport("msdrm.dll")] internal static extern DrmResult DRMCloseEnvironmentHandle(uint hEnv);
            """),
        Case(
            "Return_int_with_PreserveSig_false",
            """    [DllImport("msdrm.dll", PreserveSig = false)] internal static extern int {|MSDRM007:DRMCloseHandle|}(uint handle);""",
            """    [DllImport("msdrm.dll", PreserveSig = false)] internal static extern void DRMCloseHandle(uint handle);"""),
        Case(
            "Handle_long_input",
            """    [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMCloseHandle|}(long handle);""",
            """    [DllImport("msdrm.dll")] internal static extern int DRMCloseHandle(uint handle);"""),
        Case(
            "Handle_ulong_out",
            """    [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMDuplicateHandle|}(uint hToCopy, out ulong phCopy);""",
            """    [DllImport("msdrm.dll")] internal static extern int DRMDuplicateHandle(uint hToCopy, out IntPtr phCopy);"""),
        Case(
            "Handle_long_pointer",
            """    [DllImport("msdrm.dll")] internal static extern unsafe int {|MSDRM007:DRMDuplicateSession|}(uint hSessionIn, long* phSessionOut);""",
            """    [DllImport("msdrm.dll")] internal static extern unsafe int DRMDuplicateSession(uint hSessionIn, uint* phSessionOut);"""),
        Case(
            "Created_handle_by_value",
            """    [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMDuplicatePubHandle|}(uint hPubIn, uint phPubOut);""",
            """    [DllImport("msdrm.dll")] internal static extern int DRMDuplicatePubHandle(uint hPubIn, out uint phPubOut);"""),
        Case(
            "Created_handle_IntPtr_by_value",
            """    [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMDuplicateEnvironmentHandle|}(IntPtr hToCopy, IntPtr phCopy);""",
            """    [DllImport("msdrm.dll")] internal static extern int DRMDuplicateEnvironmentHandle(IntPtr hToCopy, ref IntPtr phCopy);"""),
        Case(
            "Created_SafeHandle_by_value",
            """    [DllImport("msdrm.dll")] internal static extern int {|MSDRM007:DRMDuplicateSession|}(uint hSessionIn, Microsoft.Win32.SafeHandles.SafeFileHandle phSessionOut);""",
            """    [DllImport("msdrm.dll")] internal static extern int DRMDuplicateSession(uint hSessionIn, out Microsoft.Win32.SafeHandles.SafeFileHandle phSessionOut);"""),
        Case(
            "EntryPoint_rename_returning_bool",
            """    [DllImport("msdrm.dll", EntryPoint = "DRMCloseSession")] internal static extern bool {|MSDRM007:CloseSession|}(uint hSession);""",
            """    [DllImport("msdrm.dll", EntryPoint = "DRMCloseSession")] internal static extern int CloseSession(uint hSession);"""),
        Case(
            "Other_library_long_handle",
            """    [DllImport("PresentationHost_cor3.dll")] internal static extern int {|MSDRM007:DRMEncrypt|}(long hCryptoProvider, uint iPosition, uint cNumInBytes, byte[] pbInData, ref uint pcNumOutBytes, byte[] pbOutData);""",
            """    [DllImport("PresentationHost_cor3.dll")] internal static extern int DRMEncrypt(nint hCryptoProvider, uint iPosition, uint cNumInBytes, byte[] pbInData, ref uint pcNumOutBytes, byte[] pbOutData);"""),
        Case(
            "LibraryImport_EntryPoint_rename_long_handle",
            """
                [LibraryImport("msdrm.dll", EntryPoint = "DRMCloseQueryHandle")] internal static partial int {|MSDRM007:CloseQuery|}(ulong hQuery);
                internal static partial int CloseQuery(ulong hQuery) => 0;
            """,
            """
                [LibraryImport("msdrm.dll", EntryPoint = "DRMCloseQueryHandle")] internal static partial int CloseQuery(int hQuery);
                internal static partial int CloseQuery(int hQuery) => 0;
            """),
        Case(
            "Every_mismatch_in_one_declaration",
            """    [DllImport("msdrm.dll")] internal static extern bool {|MSDRM007:DRMCreateEnablingPrincipal|}(long hEnv, uint hLibrary, string wszObject, IntPtr idPrincipal, string wszCredentials, uint phEnablingPrincipal);""",
            """    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)] internal static extern int DRMCreateEnablingPrincipal(uint hEnv, uint hLibrary, string wszObject, IntPtr idPrincipal, string wszCredentials, out uint phEnablingPrincipal);"""),
    ];
}
