using System.Runtime.InteropServices;

namespace MsDrm;

// Unbound-license queries.
public static partial class NativeMethods
{
    /// <summary>Parses an unbound license; the root must be closed with <c>DRMCloseQueryHandle</c>.</summary>
    /// <param name="wszCertificate">The license or certificate text.</param>
    /// <param name="phQueryRoot">Receives the query root handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMParseUnboundLicense(string wszCertificate, out uint phQueryRoot);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMParseUnboundLicense(string wszCertificate, out uint phQueryRoot);
#endif

    /// <summary>Gets a sub-object of an unbound license; the handle must be closed with <c>DRMCloseQueryHandle</c>.</summary>
    /// <param name="hQueryRoot">The query root or an object from an earlier call.</param>
    /// <param name="wszSubObjectType">The sub-object type.</param>
    /// <param name="iIndex">The 0-based index.</param>
    /// <param name="phSubQuery">Receives the sub-object handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMGetUnboundLicenseObject(uint hQueryRoot, string wszSubObjectType, uint iIndex, out uint phSubQuery);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMGetUnboundLicenseObject(uint hQueryRoot, string wszSubObjectType, uint iIndex, out uint phSubQuery);
#endif
}
