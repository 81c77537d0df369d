using System;
using System.Runtime.InteropServices;
using MsDrm;

namespace ValidCode.HresultHelpers;

/// <summary>SUCCEEDED/FAILED-style helpers, patterns and Marshal.ThrowExceptionForHR around DRM calls.</summary>
internal static class Hr
{
    internal static bool SUCCEEDED(int hr) => hr >= 0;

    internal static bool Failed(this int hr) => hr < 0;
}

internal static class Checks
{
    internal static void WithMacroStyleHelper(uint session)
    {
        int hr = Native.DRMDuplicateSession(session, out uint copy);
        if (Hr.SUCCEEDED(hr))
        {
            Native.DRMCloseSession(copy);
        }
    }

    internal static void WithExtensionHelper(uint library)
    {
        int hr = Native.DRMDuplicateHandle(library, out uint copy);
        if (hr.Failed())
        {
            return;
        }

        Native.DRMCloseHandle(copy);
    }

    internal static void WithPatterns(uint issuance)
    {
        int hr = Native.DRMDuplicatePubHandle(issuance, out uint copy);
        if (hr is >= 0)
        {
            Native.DRMClosePubHandle(copy);
        }

        if (Native.DRMRepair() is < 0)
        {
            Console.WriteLine("repair failed");
        }
    }

    internal static void WithMarshal(uint environment)
    {
        Marshal.ThrowExceptionForHR(Native.DRMDuplicateEnvironmentHandle(environment, out uint copy));
        Native.DRMCloseEnvironmentHandle(copy);
    }

    internal static int ReturnsTheHresult() => Native.DRMGetClientVersion(IntPtr.Zero);

    internal static void ExplicitDiscard()
    {
        // The repair result does not matter here: the discard states it.
        _ = Native.DRMRepair();
    }
}
