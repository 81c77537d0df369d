namespace MsDrm;

/// <summary>An owned <c>DRMPUBHANDLE</c>, released with <c>DRMClosePubHandle</c>.</summary>
public sealed class SafeDrmPubHandle : SafeDrmHandleBase
{
    private SafeDrmPubHandle()
    {
    }

    /// <summary>Takes ownership of a raw handle; disposing the wrapper closes it.</summary>
    /// <param name="handle">The raw handle value (0 gives an invalid wrapper).</param>
    /// <returns>The owning wrapper.</returns>
    public static SafeDrmPubHandle Adopt(uint handle)
    {
        var wrapper = new SafeDrmPubHandle();
        wrapper.SetValue(handle);
        return wrapper;
    }

    /// <summary>Makes a separately counted copy with <c>DRMDuplicatePubHandle</c>; both must be disposed.</summary>
    /// <returns>The owned copy.</returns>
    /// <exception cref="DrmException">The duplicate function failed.</exception>
    public SafeDrmPubHandle Duplicate()
    {
        DrmException.ThrowIfFailed(NativeMethods.DRMDuplicatePubHandle(Value, out uint copy));
        return Adopt(copy);
    }

    private protected override int Close(uint value) => NativeMethods.DRMClosePubHandle(value);
}
