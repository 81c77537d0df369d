using System;
using System.Runtime.InteropServices;

namespace MsDrm;

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
