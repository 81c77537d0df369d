using System.Runtime.InteropServices;

namespace MsDrm;

// Client and license-storage sessions.
public static partial class NativeMethods
{
    /// <summary>Creates a client session; the handle must be closed with <c>DRMCloseSession</c>. Keep the callback alive as long as the session.</summary>
    /// <param name="pfnCallback">The callback for asynchronous operations; must not be null.</param>
    /// <param name="uCallbackVersion">The callback version: 0.</param>
    /// <param name="wszGroupIDProviderType">The group-identity provider type (e.g. <c>WINDOWSAUTH</c>).</param>
    /// <param name="wszGroupID">The group identity, or null.</param>
    /// <param name="phClient">Receives the session handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCreateClientSession(DrmCallback pfnCallback, uint uCallbackVersion, string wszGroupIDProviderType, string? wszGroupID, out uint phClient);

    /// <summary>Creates a license-storage session; close it with <c>DRMCloseSession</c> before its client session.</summary>
    /// <param name="hEnv">The environment.</param>
    /// <param name="hDefaultLibrary">The default library of the environment.</param>
    /// <param name="hClient">The client session.</param>
    /// <param name="uFlags">Reserved flags: 0.</param>
    /// <param name="wszIssuanceLicense">The issuance license.</param>
    /// <param name="phLicenseStorage">Receives the session handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMCreateLicenseStorageSession(uint hEnv, uint hDefaultLibrary, uint hClient, uint uFlags, string wszIssuanceLicense, out uint phLicenseStorage);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCreateLicenseStorageSession(uint hEnv, uint hDefaultLibrary, uint hClient, uint uFlags, string wszIssuanceLicense, out uint phLicenseStorage);
#endif
}
