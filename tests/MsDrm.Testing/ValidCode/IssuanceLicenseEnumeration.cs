using System;
using System.Collections.Generic;
using MsDrm;

namespace ValidCode.IssuanceLicenseEnumeration;

/// <summary>Walks the users and rights of an issuance license until there are no more, closing each one.</summary>
internal static class Enumerator
{
    private const int E_DRM_NO_MORE_DATA = unchecked((int)0x8004CF32);

    internal static int CountRights(uint issuance)
    {
        int total = 0;
        for (uint userIndex = 0; ; userIndex++)
        {
            int hr = Native.DRMGetUsers(issuance, userIndex, out uint user);
            if (hr < 0)
            {
                break;
            }

            for (uint rightIndex = 0; ; rightIndex++)
            {
                hr = Native.DRMGetUserRights(issuance, user, rightIndex, out uint right);
                if (hr < 0)
                {
                    break;
                }

                total++;
                Native.DRMClosePubHandle(right);
            }

            Native.DRMClosePubHandle(user);
        }

        return total;
    }

    internal static List<string> UserNames(uint issuance)
    {
        var names = new List<string>();
        uint index = 0;
        while (true)
        {
            int hr = Native.DRMGetUsers(issuance, index++, out uint user);
            if (hr == E_DRM_NO_MORE_DATA)
            {
                return names;
            }

            DrmException.ThrowIfFailed(hr);
            names.Add($"user {user}");
            Native.DRMClosePubHandle(user);
        }
    }

    internal static string Owner(uint issuance)
    {
        uint nameLength = 0;
        uint urlLength = 0;
        int hr = Native.DRMGetIssuanceLicenseInfo(issuance, IntPtr.Zero, IntPtr.Zero, 0, ref nameLength, null!, ref urlLength, null!, out uint owner, out bool official);
        if (hr < 0)
        {
            return "unknown";
        }

        string text = official ? $"official owner {owner}" : $"owner {owner}";
        Native.DRMClosePubHandle(owner);
        return text;
    }
}
