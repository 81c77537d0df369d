namespace MsDrm.Sample;

/// <summary>Enumerates the users of an issuance license: every DRMGetUsers call hands out a new handle.</summary>
internal static class UserListing
{
    public static void CountUsers()
    {
        DrmException.ThrowIfFailed(NativeDrm.DRMCreateIssuanceLicense(IntPtr.Zero, IntPtr.Zero, null, null, 0, null, 0, out uint license));
        try
        {
            uint count = 0;
            for (uint index = 0; ; index++)
            {
                // MSDRM001: each turn overwrites the previous user handle without DRMClosePubHandle.
                int hr = NativeDrm.DRMGetUsers(license, index, out uint user);
                if (hr == NativeDrm.E_DRM_NO_MORE_DATA)
                {
                    break;
                }

                DrmException.ThrowIfFailed(hr);
                count++;
            }

            Console.WriteLine($"the issuance license has {count} user(s)");
        }
        finally
        {
            _ = NativeDrm.DRMClosePubHandle(license);
        }
    }
}
