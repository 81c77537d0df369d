namespace MsDrm;

/// <summary>An owned <c>DRMHSESSION</c>, released with <c>DRMCloseSession</c>.</summary>
public sealed class SafeDrmSessionHandle : SafeDrmHandleBase
{
    private SafeDrmSessionHandle()
    {
    }

    /// <summary>Takes ownership of a raw handle; disposing the wrapper closes it.</summary>
    /// <param name="handle">The raw handle value (0 gives an invalid wrapper).</param>
    /// <returns>The owning wrapper.</returns>
    public static SafeDrmSessionHandle Adopt(uint handle)
    {
        var wrapper = new SafeDrmSessionHandle();
        wrapper.SetValue(handle);
        return wrapper;
    }

    /// <summary>Makes a separately counted copy with <c>DRMDuplicateSession</c>; both must be disposed.</summary>
    /// <returns>The owned copy.</returns>
    /// <exception cref="DrmException">The duplicate function failed.</exception>
    public SafeDrmSessionHandle Duplicate()
    {
        DrmException.ThrowIfFailed(NativeMethods.DRMDuplicateSession(Value, out uint copy));
        return Adopt(copy);
    }

    private protected override int Close(uint value) => NativeMethods.DRMCloseSession(value);
}
