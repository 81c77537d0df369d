using System;
using System.Runtime.InteropServices;

namespace MsDrm;

/// <summary><c>SYSTEMTIME</c>, in UTC as msdrm.dll expects.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeSystemTime
{
    public ushort Year;
    public ushort Month;
    public ushort DayOfWeek;
    public ushort Day;
    public ushort Hour;
    public ushort Minute;
    public ushort Second;
    public ushort Milliseconds;

    public static NativeSystemTime From(DateTime time)
    {
        DateTime utc = time.ToUniversalTime();
        return new NativeSystemTime
        {
            Year = (ushort)utc.Year,
            Month = (ushort)utc.Month,
            DayOfWeek = (ushort)utc.DayOfWeek,
            Day = (ushort)utc.Day,
            Hour = (ushort)utc.Hour,
            Minute = (ushort)utc.Minute,
            Second = (ushort)utc.Second,
            Milliseconds = (ushort)utc.Millisecond,
        };
    }
}

/// <summary><c>DRMID</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeDrmId
{
    /// <summary><c>DRMIDVERSION</c>.</summary>
    public const uint CurrentVersion = 0;

    public uint Version;
    public IntPtr IdType;
    public IntPtr Id;
}

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
