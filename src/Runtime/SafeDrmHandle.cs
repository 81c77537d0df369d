namespace MsDrm;

/// <summary>An owned <c>DRMHANDLE</c>, released with <c>DRMCloseHandle</c>.</summary>
public sealed class SafeDrmHandle : SafeDrmHandleBase
{
    private SafeDrmHandle()
    {
    }

    /// <summary>Takes ownership of a raw handle; disposing the wrapper closes it.</summary>
    /// <param name="handle">The raw handle value (0 gives an invalid wrapper).</param>
    /// <returns>The owning wrapper.</returns>
    public static SafeDrmHandle Adopt(uint handle)
    {
        var wrapper = new SafeDrmHandle();
        wrapper.SetValue(handle);
        return wrapper;
    }

    /// <summary>Makes a separately counted copy with <c>DRMDuplicateHandle</c>; both must be disposed.</summary>
    /// <returns>The owned copy.</returns>
    /// <exception cref="DrmException">The duplicate function failed.</exception>
    public SafeDrmHandle Duplicate()
    {
        DrmException.ThrowIfFailed(NativeMethods.DRMDuplicateHandle(Value, out uint copy));
        return Adopt(copy);
    }

    private protected override int Close(uint value) => NativeMethods.DRMCloseHandle(value);
}
