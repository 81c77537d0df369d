using System.Runtime.InteropServices;

namespace MsDrm;

/// <summary>
/// Raw P/Invoke declarations of the msdrm.dll functions that create, duplicate or close handles.
/// Handles are 32-bit values (<c>ULONG</c>) on every platform; every function returns an HRESULT.
/// </summary>
public static class NativeMethods
{
    private const string MsDrm = "msdrm.dll";

    /// <summary>Closes a client or license-storage session.</summary>
    /// <param name="hSession">The session to close.</param>
    /// <returns>The HRESULT of the call.</returns>
    [DllImport(MsDrm, ExactSpelling = true), DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCloseSession(uint hSession);

    /// <summary>Closes a <c>DRMHANDLE</c>.</summary>
    /// <param name="handle">The handle to close.</param>
    /// <returns>The HRESULT of the call.</returns>
    [DllImport(MsDrm, ExactSpelling = true), DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCloseHandle(uint handle);

    /// <summary>Closes a publishing handle.</summary>
    /// <param name="hPub">The handle to close.</param>
    /// <returns>The HRESULT of the call.</returns>
    [DllImport(MsDrm, ExactSpelling = true), DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMClosePubHandle(uint hPub);

    /// <summary>Closes an environment handle.</summary>
    /// <param name="hEnv">The handle to close.</param>
    /// <returns>The HRESULT of the call.</returns>
    [DllImport(MsDrm, ExactSpelling = true), DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCloseEnvironmentHandle(uint hEnv);

    /// <summary>Closes an unbound-license query handle.</summary>
    /// <param name="hQuery">The handle to close.</param>
    /// <returns>The HRESULT of the call.</returns>
    [DllImport(MsDrm, ExactSpelling = true), DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCloseQueryHandle(uint hQuery);

    /// <summary>Duplicates a session; the copy must be closed separately.</summary>
    /// <param name="hSessionIn">The session to copy.</param>
    /// <param name="phSessionOut">Receives the copy.</param>
    /// <returns>The HRESULT of the call.</returns>
    [DllImport(MsDrm, ExactSpelling = true), DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMDuplicateSession(uint hSessionIn, out uint phSessionOut);

    /// <summary>Duplicates a <c>DRMHANDLE</c>; the copy must be closed separately.</summary>
    /// <param name="hToCopy">The handle to copy.</param>
    /// <param name="phCopy">Receives the copy.</param>
    /// <returns>The HRESULT of the call.</returns>
    [DllImport(MsDrm, ExactSpelling = true), DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMDuplicateHandle(uint hToCopy, out uint phCopy);

    /// <summary>Duplicates a publishing handle; the copy must be closed separately.</summary>
    /// <param name="hPubIn">The handle to copy.</param>
    /// <param name="phPubOut">Receives the copy.</param>
    /// <returns>The HRESULT of the call.</returns>
    [DllImport(MsDrm, ExactSpelling = true), DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMDuplicatePubHandle(uint hPubIn, out uint phPubOut);

    /// <summary>Duplicates an environment handle; the copy must be closed separately.</summary>
    /// <param name="hToCopy">The handle to copy.</param>
    /// <param name="phCopy">Receives the copy.</param>
    /// <returns>The HRESULT of the call.</returns>
    [DllImport(MsDrm, ExactSpelling = true), DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMDuplicateEnvironmentHandle(uint hToCopy, out uint phCopy);
}
