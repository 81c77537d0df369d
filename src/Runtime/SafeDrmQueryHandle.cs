namespace MsDrm;

/// <summary>An owned <c>DRMQUERYHANDLE</c>, released with <c>DRMCloseQueryHandle</c>.</summary>
public sealed class SafeDrmQueryHandle : SafeDrmHandleBase
{
    private SafeDrmQueryHandle()
    {
    }

    /// <summary>Takes ownership of a raw handle; disposing the wrapper closes it.</summary>
    /// <param name="handle">The raw handle value (0 gives an invalid wrapper).</param>
    /// <returns>The owning wrapper.</returns>
    public static SafeDrmQueryHandle Adopt(uint handle)
    {
        var wrapper = new SafeDrmQueryHandle();
        wrapper.SetValue(handle);
        return wrapper;
    }

    private protected override int Close(uint value) => NativeMethods.DRMCloseQueryHandle(value);
}
