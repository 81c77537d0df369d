using System;
using System.Runtime.InteropServices;

namespace MsDrm;

/// <summary><c>DRMBOUNDLICENSEPARAMS</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeBoundLicenseParams
{
    /// <summary><c>DRMBOUNDLICENSEPARAMSVERSION</c>.</summary>
    public const uint CurrentVersion = 1;

    public uint Version;
    public uint EnablingPrincipal;
    public uint SecureStore;
    public IntPtr RightsRequested;
    public IntPtr RightsGroup;
    public NativeDrmId Resource;
    public uint AuthenticatorCount;
    public IntPtr Authenticators;
    public IntPtr DefaultEnablingPrincipalCredentials;
    public uint Flags;
}
