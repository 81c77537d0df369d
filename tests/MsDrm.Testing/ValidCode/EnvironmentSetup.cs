using System;
using MsDrm;

namespace ValidCode.EnvironmentSetup;

/// <summary>Opens a secure environment, loads a library into it and closes both in the right order.</summary>
internal static class SecureEnvironment
{
    private const uint ProviderTypeSoftware = 0;
    private const uint SpecificationFileName = 1;

    internal static int Run(string manifest, string machineCertificate, string pluginPath)
    {
        int hr = Native.DRMInitEnvironment(ProviderTypeSoftware, SpecificationFileName, "secproc.dll", manifest, machineCertificate, out uint environment, out uint defaultLibrary);
        if (hr < 0)
        {
            return hr;
        }

        hr = Native.DRMLoadLibrary(environment, SpecificationFileName, pluginPath, "", out uint plugin);
        if (hr >= 0)
        {
            Console.WriteLine($"plugin {plugin} loaded");

            // Libraries first: closing the environment first would make these closes fail.
            Native.DRMCloseHandle(plugin);
        }

        Native.DRMCloseHandle(defaultLibrary);
        Native.DRMCloseEnvironmentHandle(environment);
        return hr;
    }

    internal static void ShareEnvironment(uint environment)
    {
        DrmException.ThrowIfFailed(Native.DRMDuplicateEnvironmentHandle(environment, out uint shared));
        try
        {
            Console.WriteLine($"shared environment {shared}");
        }
        finally
        {
            Native.DRMCloseEnvironmentHandle(shared);
        }
    }
}
