using System.Reflection;
using System.Runtime.InteropServices;

namespace MsDrm.Runtime.Tests;

/// <summary>
/// The parameters rule cases take (s, env, lib, bound, lic, pub, query, flag, count, safe), as fresh
/// fake handles. Raw handles are left to the next reset; the env handle has no open child, so a case
/// may close it.
/// </summary>
internal sealed class CaseInputs : IDisposable
{
    private static readonly DrmCallback Callback = (message, hr, parameter, context) => 0;
    private readonly IntPtr boundParams;
    private readonly Dictionary<string, uint> raw = new();
    private readonly SafeDrmSessionHandle safe;

    public CaseInputs()
    {
        boundParams = Marshal.AllocHGlobal(256);
        for (int i = 0; i < 256; i += 4)
        {
            Marshal.WriteInt32(boundParams, i, i == 0 ? 1 : 0);
        }

        DrmException.ThrowIfFailed(NativeMethods.DRMInitEnvironment(0, 1, null, null, "<machine/>", out uint home, out uint library));
        DrmException.ThrowIfFailed(NativeMethods.DRMInitEnvironment(0, 1, null, null, "<machine/>", out uint environment, out uint other));
        DrmException.ThrowIfFailed(NativeMethods.DRMCloseHandle(other));
        DrmException.ThrowIfFailed(NativeMethods.DRMCreateBoundLicense(home, boundParams, "<eul/>", out uint bound, IntPtr.Zero));
        DrmException.ThrowIfFailed(NativeMethods.DRMCreateClientSession(Callback, 0, "WINDOWSAUTH", null, out uint client));
        DrmException.ThrowIfFailed(NativeMethods.DRMCreateIssuanceLicense(IntPtr.Zero, IntPtr.Zero, null, null, 0, null, 0, out uint issuance));
        DrmException.ThrowIfFailed(NativeMethods.DRMCreateRight("VIEW", IntPtr.Zero, IntPtr.Zero, 0, null, null, out uint right));
        DrmException.ThrowIfFailed(NativeMethods.DRMParseUnboundLicense("<XrML/>", out uint query));
        raw["s"] = client;
        raw["env"] = environment;
        raw["lib"] = library;
        raw["bound"] = bound;
        raw["lic"] = issuance;
        raw["pub"] = right;
        raw["query"] = query;
        safe = SafeDrmSessionHandle.CreateClientSession(Callback, "WINDOWSAUTH", null);
    }

    public object? ValueFor(ParameterInfo parameter, bool flag, int count) => parameter.Name switch
    {
        "flag" => flag,
        "count" => count,
        "safe" => safe,
        string name when raw.TryGetValue(name, out uint value) => value,
        _ => throw new InvalidOperationException($"no input for parameter '{parameter.Name}'"),
    };

    public void Dispose()
    {
        safe.Dispose();
        Marshal.FreeHGlobal(boundParams);
    }
}
