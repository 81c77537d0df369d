using System;
using MsDrm;

namespace ValidCode.SafeHandleWrappers;

/// <summary>Raw handles adopted by the runtime's SafeHandles and released by <c>using</c>.</summary>
internal static class Wrapped
{
    internal static void UseSessionCopy(uint session)
    {
        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint raw));
        using SafeDrmSessionHandle copy = SafeDrmSessionHandle.Adopt(raw);
        Console.WriteLine($"copy {copy.Value}");
    }

    internal static void UseTwoCopies(SafeDrmSessionHandle session)
    {
        using (SafeDrmSessionHandle first = session.Duplicate())
        using (SafeDrmSessionHandle second = first.Duplicate())
        {
            DrmException.ThrowIfFailed(Native.DRMIsActivated(second.Value, 1, IntPtr.Zero));
        }
    }

    internal static int QueryCount(string certificate)
    {
        int hr = Native.DRMParseUnboundLicense(certificate, out uint raw);
        if (hr < 0)
        {
            return 0;
        }

        using (SafeDrmQueryHandle root = SafeDrmQueryHandle.Adopt(raw))
        {
            hr = Native.DRMGetUnboundLicenseObjectCount(root.Value, "issued-principal", out uint count);
            return hr >= 0 ? (int)count : 0;
        }
    }

    internal static SafeDrmPubHandle NewUser(string email)
    {
        DrmException.ThrowIfFailed(Native.DRMCreateUser(email, email, "Windows", out uint raw));
        return SafeDrmPubHandle.Adopt(raw);
    }
}
