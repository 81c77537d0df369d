using System.Runtime.InteropServices;

namespace MsDrm;

// Close functions: each releases one handle kind; a handle must go to the close function of its kind.
public static partial class NativeMethods
{
    /// <summary>Closes a client or license-storage session (<c>DRMHSESSION</c>).</summary>
    /// <param name="hSession">The session to close.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMCloseSession(uint hSession);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCloseSession(uint hSession);
#endif

    /// <summary>Closes a <c>DRMHANDLE</c> (library, principal, bound license, bound-license object, encryptor, decryptor).</summary>
    /// <param name="handle">The handle to close.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMCloseHandle(uint handle);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCloseHandle(uint handle);
#endif

    /// <summary>Closes a publishing handle (<c>DRMPUBHANDLE</c>: user, right, issuance license).</summary>
    /// <param name="hPub">The handle to close.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMClosePubHandle(uint hPub);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMClosePubHandle(uint hPub);
#endif

    /// <summary>Closes an environment handle (<c>DRMENVHANDLE</c>); close its libraries and other handles first.</summary>
    /// <param name="hEnv">The handle to close.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMCloseEnvironmentHandle(uint hEnv);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCloseEnvironmentHandle(uint hEnv);
#endif

    /// <summary>Closes an unbound-license query handle (<c>DRMQUERYHANDLE</c>).</summary>
    /// <param name="hQuery">The handle to close.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMCloseQueryHandle(uint hQuery);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCloseQueryHandle(uint hQuery);
#endif
}
