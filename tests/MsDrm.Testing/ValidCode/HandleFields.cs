using System;
using MsDrm;

namespace ValidCode.HandleFields;

/// <summary>A long-lived object that keeps its handles in fields and closes them in Dispose.</summary>
internal sealed class RightsClient : IDisposable
{
    private readonly uint environment;
    private readonly uint defaultLibrary;
    private uint client;
    private readonly uint[] libraries = new uint[1];

    internal RightsClient(string manifest, string machine)
    {
        DrmException.ThrowIfFailed(Native.DRMInitEnvironment(0, 1, "secproc.dll", manifest, machine, out environment, out defaultLibrary));
    }

    internal void Connect()
    {
        int hr = Native.DRMCreateClientSession(Callback, 1, "Windows", "user@example.com", out uint session);
        DrmException.ThrowIfFailed(hr);
        client = session;
    }

    internal void LoadPlugin(string path)
    {
        DrmException.ThrowIfFailed(Native.DRMLoadLibrary(environment, 1, path, "", out libraries[0]));
    }

    public void Dispose()
    {
        if (libraries[0] != 0)
        {
            Native.DRMCloseHandle(libraries[0]);
        }

        if (client != 0)
        {
            Native.DRMCloseSession(client);
        }

        Native.DRMCloseHandle(defaultLibrary);
        Native.DRMCloseEnvironmentHandle(environment);
    }

    private static int Callback(int message, int hr, IntPtr parameter, IntPtr context) => 0;
}
