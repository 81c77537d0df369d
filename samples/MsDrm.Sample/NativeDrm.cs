using System.Runtime.InteropServices;

namespace MsDrm.Sample;

/// <summary>
/// The program's own msdrm.dll declarations, as legacy code often has them. The analyzers know
/// these functions by entry point, whatever class declares them.
/// </summary>
internal static class NativeDrm
{
    /// <summary>E_DRM_NO_MORE_DATA: an enumeration such as DRMGetUsers has no further item.</summary>
    public const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF33);

    public delegate int DrmCallback(int message, int hr, IntPtr parameter, IntPtr context);

    // Kept in a static field: msdrm.dll calls it for as long as the session lives.
    public static readonly DrmCallback Callback = (message, hr, parameter, context) => 0;

    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
    public static extern int DRMCreateClientSession(DrmCallback pfnCallback, uint uCallbackVersion, string wszGroupIDProviderType, string? wszGroupID, out uint phClient);

    [DllImport("msdrm.dll")]
    public static extern int DRMIsActivated(uint hClient, uint uFlags, IntPtr pActServInfo);

    [DllImport("msdrm.dll")]
    public static extern int DRMDuplicateSession(uint hSessionIn, out uint phSessionOut);

    [DllImport("msdrm.dll")]
    public static extern int DRMCloseSession(uint hSession);

    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
    public static extern int DRMCreateIssuanceLicense(IntPtr pstTimeFrom, IntPtr pstTimeUntil, string? wszReferralInfoName, string? wszReferralInfoUrl, uint hOwner, string? wszIssuanceLicense, uint hBoundLicense, out uint phIssuanceLicense);

    [DllImport("msdrm.dll")]
    public static extern int DRMGetUsers(uint hIssuanceLicense, uint uIndex, out uint phUser);

    [DllImport("msdrm.dll")]
    public static extern int DRMClosePubHandle(uint hPub);

    [DllImport("msdrm.dll", CharSet = CharSet.Unicode)]
    public static extern int DRMCreateLicenseStorageSession(uint hEnv, uint hDefaultLibrary, uint hClient, uint uFlags, string wszIssuanceLicense, out uint phLicenseStorage);

    [DllImport("msdrm.dll")]
    public static extern int DRMCloseQueryHandle(uint hQuery);

    // Kept for a license viewer that is not written yet; copied from an old header translation.
    [DllImport("msdrm.dll")]
    // MSDRM007: no CharSet, so the certificate would reach msdrm.dll as ANSI text.
    public static extern int DRMParseUnboundLicense(string wszCertificate, out uint phQueryRoot);
}
