using System;
using System.Runtime.InteropServices;

namespace MsDrm;

// Bound licenses, their sub-objects and the encryptors and decryptors made from them.
public static partial class NativeMethods
{
    /// <summary>Binds a license; the handle must be closed with <c>DRMCloseHandle</c>.</summary>
    /// <param name="hEnv">The environment.</param>
    /// <param name="pParams">Pointer to a <c>DRMBOUNDLICENSEPARAMS</c>.</param>
    /// <param name="wszLicenseChain">The license chain.</param>
    /// <param name="phBoundLicense">Receives the bound license handle.</param>
    /// <param name="phErrorLog">Reserved: pass <see cref="IntPtr.Zero"/>.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMCreateBoundLicense(uint hEnv, IntPtr pParams, string wszLicenseChain, out uint phBoundLicense, IntPtr phErrorLog);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCreateBoundLicense(uint hEnv, IntPtr pParams, string wszLicenseChain, out uint phBoundLicense, IntPtr phErrorLog);
#endif

    /// <summary>Creates a decryptor from a bound license; close it with <c>DRMCloseHandle</c> before the license.</summary>
    /// <param name="hBoundLicense">The bound license.</param>
    /// <param name="wszRight">The right to exercise.</param>
    /// <param name="hAuxLib">Reserved: 0.</param>
    /// <param name="wszAuxPlug">Reserved: null.</param>
    /// <param name="phDecryptor">Receives the decryptor handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMCreateEnablingBitsDecryptor(uint hBoundLicense, string wszRight, uint hAuxLib, string? wszAuxPlug, out uint phDecryptor);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCreateEnablingBitsDecryptor(uint hBoundLicense, string wszRight, uint hAuxLib, string? wszAuxPlug, out uint phDecryptor);
#endif

    /// <summary>Creates an encryptor from a bound license; close it with <c>DRMCloseHandle</c> before the license.</summary>
    /// <param name="hBoundLicense">The bound license.</param>
    /// <param name="wszRight">The right to exercise.</param>
    /// <param name="hAuxLib">Reserved: 0.</param>
    /// <param name="wszAuxPlug">Reserved: null.</param>
    /// <param name="phEncryptor">Receives the encryptor handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMCreateEnablingBitsEncryptor(uint hBoundLicense, string wszRight, uint hAuxLib, string? wszAuxPlug, out uint phEncryptor);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCreateEnablingBitsEncryptor(uint hBoundLicense, string wszRight, uint hAuxLib, string? wszAuxPlug, out uint phEncryptor);
#endif

    /// <summary>Gets a sub-object of a bound license; the handle must be closed with <c>DRMCloseHandle</c>.</summary>
    /// <param name="hQueryRoot">The bound license or bound-license object.</param>
    /// <param name="wszSubObjectType">The sub-object type.</param>
    /// <param name="iWhich">The 0-based index.</param>
    /// <param name="phSubObject">Receives the sub-object handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMGetBoundLicenseObject(uint hQueryRoot, string wszSubObjectType, uint iWhich, out uint phSubObject);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMGetBoundLicenseObject(uint hQueryRoot, string wszSubObjectType, uint iWhich, out uint phSubObject);
#endif
}
