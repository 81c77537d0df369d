using System;
using MsDrm;

namespace ValidCode.ClientSession;

/// <summary>Creates a client session and a license-storage session from it; closes storage before client.</summary>
internal static class Sessions
{
    private const uint CallbackVersion = 1;

    internal static int OpenStorage(uint environment, uint defaultLibrary, string issuanceLicense)
    {
        int hr = Native.DRMCreateClientSession(OnStatus, CallbackVersion, "Windows", "user@example.com", out uint client);
        if (hr < 0)
        {
            return hr;
        }

        hr = Native.DRMCreateLicenseStorageSession(environment, defaultLibrary, client, 0, issuanceLicense, out uint storage);
        if (hr >= 0)
        {
            Console.WriteLine($"storage session {storage}");
            Native.DRMCloseSession(storage);
        }

        Native.DRMCloseSession(client);
        return hr;
    }

    private static int OnStatus(int message, int hr, IntPtr parameter, IntPtr context)
    {
        Console.WriteLine($"status {message}: 0x{hr:X8}");
        return 0;
    }
}
