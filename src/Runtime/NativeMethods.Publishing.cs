using System;
using System.Runtime.InteropServices;

namespace MsDrm;

// Publishing objects: users, rights, issuance licenses.
public static partial class NativeMethods
{
    /// <summary>Creates a user; the handle must be closed with <c>DRMClosePubHandle</c>.</summary>
    /// <param name="wszUserName">The user name, or null.</param>
    /// <param name="wszUserId">The user id, or null.</param>
    /// <param name="wszUserIdType">The user id type, or null.</param>
    /// <param name="phUser">Receives the user handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMCreateUser(string? wszUserName, string? wszUserId, string? wszUserIdType, out uint phUser);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCreateUser(string? wszUserName, string? wszUserId, string? wszUserIdType, out uint phUser);
#endif

    /// <summary>Creates a right; the handle must be closed with <c>DRMClosePubHandle</c>.</summary>
    /// <param name="wszRightName">The right name (e.g. <c>VIEW</c>).</param>
    /// <param name="pstFrom">Pointer to the <c>SYSTEMTIME</c> the right starts, or zero.</param>
    /// <param name="pstUntil">Pointer to the <c>SYSTEMTIME</c> the right ends, or zero.</param>
    /// <param name="cExtendedInfo">The number of extended-information pairs.</param>
    /// <param name="pwszExtendedInfoName">The extended-information names, or null.</param>
    /// <param name="pwszExtendedInfoValue">The extended-information values, or null.</param>
    /// <param name="phRight">Receives the right handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMCreateRight(string wszRightName, IntPtr pstFrom, IntPtr pstUntil, uint cExtendedInfo, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPWStr)] string[]? pwszExtendedInfoName, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPWStr)] string[]? pwszExtendedInfoValue, out uint phRight);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCreateRight(string wszRightName, IntPtr pstFrom, IntPtr pstUntil, uint cExtendedInfo, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPWStr)] string[]? pwszExtendedInfoName, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPWStr)] string[]? pwszExtendedInfoValue, out uint phRight);
#endif

    /// <summary>Creates an issuance license; the handle must be closed with <c>DRMClosePubHandle</c>.</summary>
    /// <param name="pstTimeFrom">Pointer to the <c>SYSTEMTIME</c> the license starts, or zero.</param>
    /// <param name="pstTimeUntil">Pointer to the <c>SYSTEMTIME</c> the license ends, or zero.</param>
    /// <param name="wszReferralInfoName">The referral name, or null.</param>
    /// <param name="wszReferralInfoURL">The referral URL, or null.</param>
    /// <param name="hOwner">The owner user, or 0; the caller keeps owning it.</param>
    /// <param name="wszIssuanceLicense">An issuance license to start from, or null.</param>
    /// <param name="hBoundLicense">A bound license, or 0.</param>
    /// <param name="phIssuanceLicense">Receives the issuance license handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMCreateIssuanceLicense(IntPtr pstTimeFrom, IntPtr pstTimeUntil, string? wszReferralInfoName, string? wszReferralInfoURL, uint hOwner, string? wszIssuanceLicense, uint hBoundLicense, out uint phIssuanceLicense);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCreateIssuanceLicense(IntPtr pstTimeFrom, IntPtr pstTimeUntil, string? wszReferralInfoName, string? wszReferralInfoURL, uint hOwner, string? wszIssuanceLicense, uint hBoundLicense, out uint phIssuanceLicense);
#endif

    /// <summary>Gets the user at an index of an issuance license; the handle must be closed with <c>DRMClosePubHandle</c>.</summary>
    /// <param name="hIssuanceLicense">The issuance license.</param>
    /// <param name="iIndex">The 0-based index; past the end the call returns <c>E_DRM_NO_MORE_DATA</c>.</param>
    /// <param name="phUser">Receives the user handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMGetUsers(uint hIssuanceLicense, uint iIndex, out uint phUser);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMGetUsers(uint hIssuanceLicense, uint iIndex, out uint phUser);
#endif

    /// <summary>Gets the right at an index for a user of an issuance license; the handle must be closed with <c>DRMClosePubHandle</c>.</summary>
    /// <param name="hIssuanceLicense">The issuance license.</param>
    /// <param name="hUser">The user.</param>
    /// <param name="iIndex">The 0-based index; past the end the call returns <c>E_DRM_NO_MORE_DATA</c>.</param>
    /// <param name="phRight">Receives the right handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMGetUserRights(uint hIssuanceLicense, uint hUser, uint iIndex, out uint phRight);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMGetUserRights(uint hIssuanceLicense, uint hUser, uint iIndex, out uint phRight);
#endif

    /// <summary>Reads an issuance license; the owner handle must be closed with <c>DRMClosePubHandle</c>.</summary>
    /// <param name="hIssuanceLicense">The issuance license.</param>
    /// <param name="pstTimeFrom">Pointer to a <c>SYSTEMTIME</c> that receives the start time, or zero.</param>
    /// <param name="pstTimeUntil">Pointer to a <c>SYSTEMTIME</c> that receives the end time, or zero.</param>
    /// <param name="uFlags">Which distribution point to read.</param>
    /// <param name="puDistributionPointNameLength">In: the buffer length in characters; out: the length needed.</param>
    /// <param name="wszDistributionPointName">A buffer that receives the distribution point name, or zero to ask for its length.</param>
    /// <param name="puDistributionPointURLLength">In: the buffer length in characters; out: the length needed.</param>
    /// <param name="wszDistributionPointURL">A buffer that receives the distribution point URL, or zero to ask for its length.</param>
    /// <param name="phOwner">Receives the owner user handle.</param>
    /// <param name="pfOfficial">Receives whether the license is official.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMGetIssuanceLicenseInfo(uint hIssuanceLicense, IntPtr pstTimeFrom, IntPtr pstTimeUntil, uint uFlags, ref uint puDistributionPointNameLength, IntPtr wszDistributionPointName, ref uint puDistributionPointURLLength, IntPtr wszDistributionPointURL, out uint phOwner, [MarshalAs(UnmanagedType.Bool)] out bool pfOfficial);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMGetIssuanceLicenseInfo(uint hIssuanceLicense, IntPtr pstTimeFrom, IntPtr pstTimeUntil, uint uFlags, ref uint puDistributionPointNameLength, IntPtr wszDistributionPointName, ref uint puDistributionPointURLLength, IntPtr wszDistributionPointURL, out uint phOwner, [MarshalAs(UnmanagedType.Bool)] out bool pfOfficial);
#endif
}
