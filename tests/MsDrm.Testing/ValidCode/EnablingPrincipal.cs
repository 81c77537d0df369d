using System;
using MsDrm;

namespace ValidCode.EnablingPrincipal;

/// <summary>Creates an enabling principal, hands a duplicate to a cache and closes its own.</summary>
internal sealed class PrincipalCache : IDisposable
{
    private uint cached;

    internal int Load(uint environment, uint library, string rightsAccountCertificate)
    {
        int hr = Native.DRMCreateEnablingPrincipal(environment, library, "UDStdPlg Enabling Principal", IntPtr.Zero, rightsAccountCertificate, out uint principal);
        if (hr < 0)
        {
            return hr;
        }

        try
        {
            hr = Native.DRMDuplicateHandle(principal, out uint copy);
            if (hr >= 0)
            {
                Replace(copy);
            }

            return hr;
        }
        finally
        {
            Native.DRMCloseHandle(principal);
        }
    }

    public void Dispose() => Replace(0);

    private void Replace(uint handle)
    {
        if (cached != 0)
        {
            Native.DRMCloseHandle(cached);
        }

        cached = handle;
    }
}
