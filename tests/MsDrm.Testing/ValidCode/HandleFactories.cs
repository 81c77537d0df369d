using MsDrm;

namespace ValidCode.HandleFactories;

/// <summary>Helpers that hand their handles to the caller: returned, or created into an out parameter.</summary>
internal static class Factories
{
    /// <summary>Returns the new session; the caller closes it.</summary>
    internal static uint DuplicateOrThrow(uint session)
    {
        DrmException.ThrowIfFailed(Native.DRMDuplicateSession(session, out uint copy));
        return copy;
    }

    /// <summary>Creates the library straight into the caller's variable.</summary>
    internal static int LoadPlugin(uint environment, string path, out uint library)
        => Native.DRMLoadLibrary(environment, 1, path, "", out library);

    /// <summary>Returns the handle only when the call succeeded.</summary>
    internal static bool TryCreateUser(string email, out uint user)
    {
        int hr = Native.DRMCreateUser(email, email, "Windows", out user);
        return hr >= 0;
    }

    internal static void UseFactories(uint session, uint environment)
    {
        uint copy = DuplicateOrThrow(session);
        Native.DRMCloseSession(copy);

        if (LoadPlugin(environment, "plugin.dll", out uint library) >= 0)
        {
            Native.DRMCloseHandle(library);
        }

        if (TryCreateUser("user@example.com", out uint user))
        {
            Native.DRMClosePubHandle(user);
        }
    }
}
