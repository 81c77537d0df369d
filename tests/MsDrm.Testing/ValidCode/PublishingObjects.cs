using System;
using MsDrm;

namespace ValidCode.PublishingObjects;

/// <summary>Builds an issuance license from a user and a right; the caller still owns and closes both.</summary>
internal static class Publisher
{
    internal static int Publish(uint boundLicense, string email)
    {
        int hr = Native.DRMCreateUser(email, null!, "Unspecified", out uint user);
        if (hr < 0)
        {
            return hr;
        }

        hr = Native.DRMCreateRight("VIEW", IntPtr.Zero, IntPtr.Zero, 0, null!, null!, out uint right);
        if (hr < 0)
        {
            Native.DRMClosePubHandle(user);
            return hr;
        }

        hr = Native.DRMCreateIssuanceLicense(IntPtr.Zero, IntPtr.Zero, "", "", user, null!, boundLicense, out uint issuance);
        if (hr >= 0)
        {
            hr = Native.DRMAddRightWithUser(issuance, right, user);
            ReportAndClose(issuance, hr);
        }

        Native.DRMClosePubHandle(right);
        Native.DRMClosePubHandle(user);
        return hr;
    }

    internal static uint CopyOrZero(uint issuance)
    {
        if (Native.DRMDuplicatePubHandle(issuance, out uint copy) < 0)
        {
            return 0;
        }

        return copy;
    }

    private static void ReportAndClose(uint issuance, int hr)
    {
        Console.WriteLine($"issuance license {issuance}: 0x{hr:X8}");
        Native.DRMClosePubHandle(issuance);
    }
}
