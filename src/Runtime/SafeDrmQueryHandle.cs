namespace MsDrm;

/// <summary>An owned <c>DRMQUERYHANDLE</c>, released with <c>DRMCloseQueryHandle</c>. msdrm.dll has no duplicate function for it.</summary>
public sealed class SafeDrmQueryHandle : SafeDrmHandleBase
{
    internal SafeDrmQueryHandle()
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

    /// <summary>Parses an unbound license with <c>DRMParseUnboundLicense</c>.</summary>
    /// <param name="certificate">The license or certificate text.</param>
    /// <returns>The owned query root.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmQueryHandle ParseUnboundLicense(string certificate)
    {
        return Create(
            new SafeDrmQueryHandle(),
            nameof(NativeMethods.DRMParseUnboundLicense),
            (out uint h) => NativeMethods.DRMParseUnboundLicense(certificate, out h));
    }

    /// <summary>Gets a sub-object of an unbound license with <c>DRMGetUnboundLicenseObject</c>.</summary>
    /// <param name="queryRoot">The query root or an object from an earlier call; the caller keeps owning it.</param>
    /// <param name="subObjectType">The sub-object type, e.g. <c>issued-principal</c>.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The owned sub-object.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmQueryHandle GetUnboundLicenseObject(SafeDrmQueryHandle queryRoot, string subObjectType, uint index)
    {
        using var scope = new InteropScope();
        uint root = scope.Use(Requires.NotNull(queryRoot, nameof(queryRoot)));
        return Create(
            new SafeDrmQueryHandle(),
            nameof(NativeMethods.DRMGetUnboundLicenseObject),
            (out uint h) => NativeMethods.DRMGetUnboundLicenseObject(root, subObjectType, index, out h));
    }

    private protected override int Close(uint value) => NativeMethods.DRMCloseQueryHandle(value);
}
