namespace MsDrm;

/// <summary>An owned <c>DRMENVHANDLE</c>, released with <c>DRMCloseEnvironmentHandle</c>.</summary>
public sealed class SafeDrmEnvironmentHandle : SafeDrmHandleBase
{
    private SafeDrmEnvironmentHandle()
    {
    }

    /// <summary>Takes ownership of a raw handle; disposing the wrapper closes it.</summary>
    /// <param name="handle">The raw handle value (0 gives an invalid wrapper).</param>
    /// <returns>The owning wrapper.</returns>
    public static SafeDrmEnvironmentHandle Adopt(uint handle)
    {
        var wrapper = new SafeDrmEnvironmentHandle();
        wrapper.SetValue(handle);
        return wrapper;
    }

    /// <summary>Makes a separately counted copy with <c>DRMDuplicateEnvironmentHandle</c>; both must be disposed.</summary>
    /// <returns>The owned copy.</returns>
    /// <exception cref="DrmException">The duplicate function failed.</exception>
    public SafeDrmEnvironmentHandle Duplicate()
    {
        DrmException.ThrowIfFailed(NativeMethods.DRMDuplicateEnvironmentHandle(Value, out uint copy));
        return Adopt(copy);
    }

    private protected override int Close(uint value) => NativeMethods.DRMCloseEnvironmentHandle(value);
}
