using System;
using System.Threading.Tasks;
using MsDrm;

namespace ValidCode.AsyncAndLambdas;

/// <summary>DRM calls inside async methods, lambdas and local functions.</summary>
internal static class Deferred
{
    internal static async Task<bool> IsActivatedAsync(uint session)
    {
        await Task.Yield();
        int hr = Native.DRMDuplicateSession(session, out uint copy);
        if (hr < 0)
        {
            return false;
        }

        try
        {
            await Task.Delay(1);
            return Native.DRMIsActivated(copy, 1, IntPtr.Zero) >= 0;
        }
        finally
        {
            Native.DRMCloseSession(copy);
        }
    }

    internal static Task<int> RepairInBackground() => Task.Run(() => Native.DRMRepair());

    internal static void WithLocalFunction(uint issuance)
    {
        if (TryCopy(out uint copy))
        {
            Native.DRMClosePubHandle(copy);
        }

        bool TryCopy(out uint result)
        {
            int hr = Native.DRMDuplicatePubHandle(issuance, out result);
            return hr >= 0;
        }
    }

    internal static void WithLambda(uint session)
    {
        Func<uint, int> activated = handle => Native.DRMIsActivated(handle, 1, IntPtr.Zero);
        Action duplicate = () =>
        {
            DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy));
            Native.DRMCloseSession(copy);
        };

        if (activated(session) >= 0)
        {
            duplicate();
        }
    }
}
