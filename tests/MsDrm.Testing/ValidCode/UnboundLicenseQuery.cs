using System;
using System.Collections.Generic;
using MsDrm;

namespace ValidCode.UnboundLicenseQuery;

/// <summary>Parses an unbound license and walks its principals, closing every query handle.</summary>
internal static class LicenseReader
{
    internal static IReadOnlyList<string> ListPrincipals(string certificate)
    {
        var names = new List<string>();
        int hr = Native.DRMParseUnboundLicense(certificate, out uint root);
        if (hr < 0)
        {
            return names;
        }

        try
        {
            DrmException.ThrowIfFailed(Native.DRMGetUnboundLicenseObjectCount(root, "issued-principal", out uint count));
            for (uint i = 0; i < count; i++)
            {
                hr = Native.DRMGetUnboundLicenseObject(root, "issued-principal", i, out uint principal);
                if (hr < 0)
                {
                    continue;
                }

                names.Add($"principal {principal}");
                Native.DRMCloseQueryHandle(principal);
            }
        }
        finally
        {
            Native.DRMCloseQueryHandle(root);
        }

        return names;
    }
}
