using System;
using System.Runtime.InteropServices;

namespace MsDrm;

// Secure environment, libraries and enabling principals.
public static partial class NativeMethods
{
    /// <summary>Loads the secure environment; both out handles must be closed (the library first).</summary>
    /// <param name="eSecurityProviderType">The security provider type (<see cref="DrmSecurityProviderType"/>).</param>
    /// <param name="eSpecification">How <paramref name="wszSecurityProvider"/> is given (<see cref="DrmSpecType"/>).</param>
    /// <param name="wszSecurityProvider">The security provider (lockbox) path, or null.</param>
    /// <param name="wszManifestCredentials">The application manifest, or null.</param>
    /// <param name="wszMachineCredentials">The machine certificate.</param>
    /// <param name="phEnv">Receives the environment handle (<c>DRMCloseEnvironmentHandle</c>).</param>
    /// <param name="phDefaultLibrary">Receives the default library handle (<c>DRMCloseHandle</c>).</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMInitEnvironment(uint eSecurityProviderType, uint eSpecification, string? wszSecurityProvider, string? wszManifestCredentials, string wszMachineCredentials, out uint phEnv, out uint phDefaultLibrary);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMInitEnvironment(uint eSecurityProviderType, uint eSpecification, string? wszSecurityProvider, string? wszManifestCredentials, string wszMachineCredentials, out uint phEnv, out uint phDefaultLibrary);
#endif

    /// <summary>Loads a library into an environment; the handle must be closed with <c>DRMCloseHandle</c> before the environment.</summary>
    /// <param name="hEnv">The environment.</param>
    /// <param name="eSpecification">How <paramref name="wszLibraryProvider"/> is given (<see cref="DrmSpecType"/>).</param>
    /// <param name="wszLibraryProvider">The library to load.</param>
    /// <param name="wszCredentials">Reserved; null.</param>
    /// <param name="phLibrary">Receives the library handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMLoadLibrary(uint hEnv, uint eSpecification, string wszLibraryProvider, string? wszCredentials, out uint phLibrary);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMLoadLibrary(uint hEnv, uint eSpecification, string wszLibraryProvider, string? wszCredentials, out uint phLibrary);
#endif

    /// <summary>Creates an enabling principal; the handle must be closed with <c>DRMCloseHandle</c>.</summary>
    /// <param name="hEnv">The environment.</param>
    /// <param name="hLibrary">The default library of the environment.</param>
    /// <param name="wszObject">The principal object name.</param>
    /// <param name="pidPrincipal">Pointer to a <c>DRMID</c> naming the principal.</param>
    /// <param name="wszCredentials">The principal credentials (a certificate chain).</param>
    /// <param name="phEnablingPrincipal">Receives the principal handle.</param>
    /// <returns>The HRESULT of the call; negative on failure.</returns>
#if NET8_0_OR_GREATER
    [LibraryImport(MsDrm, StringMarshalling = StringMarshalling.Utf16)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static partial int DRMCreateEnablingPrincipal(uint hEnv, uint hLibrary, string wszObject, IntPtr pidPrincipal, string wszCredentials, out uint phEnablingPrincipal);
#else
    [DllImport(MsDrm, CharSet = CharSet.Unicode, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int DRMCreateEnablingPrincipal(uint hEnv, uint hLibrary, string wszObject, IntPtr pidPrincipal, string wszCredentials, out uint phEnablingPrincipal);
#endif
}
