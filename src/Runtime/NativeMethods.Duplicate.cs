using System.Runtime.InteropServices;

namespace MsDrm;

// Duplicate functions: the copy is a separately counted reference that must be closed too.
public static partial class NativeMethods
{
    /// <summary>Duplicates a session; the copy must be closed with <c>DRMCloseSession</c>.</summary>
    /// <param name="hSessionIn">The session to copy.</param>
    /// <param name="phSessionOut">Receives the copy.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMDuplicateSession(uint hSessionIn, out uint phSessionOut);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMDuplicateSession(uint hSessionIn, out uint phSessionOut);
#endif

    /// <summary>Duplicates a <c>DRMHANDLE</c>; the copy must be closed with <c>DRMCloseHandle</c>.</summary>
    /// <param name="hToCopy">The handle to copy.</param>
    /// <param name="phCopy">Receives the copy.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMDuplicateHandle(uint hToCopy, out uint phCopy);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMDuplicateHandle(uint hToCopy, out uint phCopy);
#endif

    /// <summary>Duplicates a publishing handle; the copy must be closed with <c>DRMClosePubHandle</c>.</summary>
    /// <param name="hPubIn">The handle to copy.</param>
    /// <param name="phPubOut">Receives the copy.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMDuplicatePubHandle(uint hPubIn, out uint phPubOut);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMDuplicatePubHandle(uint hPubIn, out uint phPubOut);
#endif

    /// <summary>Duplicates an environment handle; the copy must be closed with <c>DRMCloseEnvironmentHandle</c>.</summary>
    /// <param name="hToCopy">The handle to copy.</param>
    /// <param name="phCopy">Receives the copy.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMDuplicateEnvironmentHandle(uint hToCopy, out uint phCopy);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMDuplicateEnvironmentHandle(uint hToCopy, out uint phCopy);
#endif
}
