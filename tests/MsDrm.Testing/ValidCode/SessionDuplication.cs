using System;
using MsDrm;

namespace ValidCode.SessionDuplication;

/// <summary>Duplicates a session for a worker and closes the copy on every path.</summary>
internal static class SessionCopies
{
    internal static bool TryRunOnCopy(uint session, Func<uint, bool> work)
    {
        int hr = Native.DRMDuplicateSession(session, out uint copy);
        if (hr < 0)
        {
            return false;
        }

        try
        {
            return work(copy);
        }
        finally
        {
            Native.DRMCloseSession(copy);
        }
    }

    internal static void RunOnCopyOrThrow(uint session)
    {
        DrmException.ThrowIfFailed(NativeMethods.DRMDuplicateSession(session, out uint copy));
        try
        {
            Console.WriteLine($"working on session copy {copy}");
        }
        finally
        {
            int closed = NativeMethods.DRMCloseSession(copy);
            if (closed < 0)
            {
                Console.Error.WriteLine($"closing the copy failed: 0x{closed:X8}");
            }
        }
    }

    internal static int CountActivated(uint session, int attempts)
    {
        int activated = 0;
        for (int i = 0; i < attempts; i++)
        {
            if (Native.DRMDuplicateSession(session, out uint copy) >= 0)
            {
                if (Native.DRMIsActivated(copy, 1, IntPtr.Zero) >= 0)
                {
                    activated++;
                }

                Native.DRMCloseSession(copy);
            }
        }

        return activated;
    }
}
