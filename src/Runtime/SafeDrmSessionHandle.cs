namespace MsDrm;

/// <summary>An owned <c>DRMHSESSION</c> (client or license-storage session), released with <c>DRMCloseSession</c>.</summary>
public sealed class SafeDrmSessionHandle : SafeDrmHandleBase
{
    // msdrm.dll keeps a pointer to the client session's callback: the delegate must live as long as
    // every session (client, storage session, duplicate) that may call it.
    private DrmCallback? callback;

    internal SafeDrmSessionHandle()
    {
    }

    /// <summary>The callback this session keeps alive (its own, or its client session's); null for adopted handles.</summary>
    internal DrmCallback? Callback => callback;

    /// <summary>Takes ownership of a raw handle; disposing the wrapper closes it.</summary>
    /// <param name="handle">The raw handle value (0 gives an invalid wrapper).</param>
    /// <returns>The owning wrapper.</returns>
    public static SafeDrmSessionHandle Adopt(uint handle)
    {
        var wrapper = new SafeDrmSessionHandle();
        wrapper.SetValue(handle);
        return wrapper;
    }

    /// <summary>Creates a client session with <c>DRMCreateClientSession</c> (callback version 0).</summary>
    /// <param name="callback">Receives the results of asynchronous calls on this session; kept alive by the returned handle.</param>
    /// <param name="groupIdProviderType">The group-identity provider type, e.g. <c>WINDOWSAUTH</c> or <c>PASSPORT</c>.</param>
    /// <param name="groupId">The group identity, or null for the current user.</param>
    /// <returns>The owned session.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmSessionHandle CreateClientSession(DrmCallback callback, string groupIdProviderType, string? groupId)
    {
        Requires.NotNull(callback, nameof(callback));
        return Create(
            new SafeDrmSessionHandle { callback = callback },
            nameof(NativeMethods.DRMCreateClientSession),
            (out uint h) => NativeMethods.DRMCreateClientSession(callback, 0, groupIdProviderType, groupId, out h));
    }

    /// <summary>Creates a license-storage session with <c>DRMCreateLicenseStorageSession</c>; dispose it before <paramref name="client"/>.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="defaultLibrary">The environment's default library.</param>
    /// <param name="client">The client session; its callback reports this session's asynchronous results.</param>
    /// <param name="flags">Reserved flags: 0.</param>
    /// <param name="issuanceLicense">The issuance license.</param>
    /// <returns>The owned session.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmSessionHandle CreateLicenseStorageSession(
        SafeDrmEnvironmentHandle environment, SafeDrmHandle defaultLibrary, SafeDrmSessionHandle client, uint flags, string issuanceLicense)
    {
        Requires.NotNull(client, nameof(client));
        using var scope = new InteropScope();
        uint env = scope.Use(Requires.NotNull(environment, nameof(environment)));
        uint library = scope.Use(Requires.NotNull(defaultLibrary, nameof(defaultLibrary)));
        uint clientValue = scope.Use(client);
        return Create(
            new SafeDrmSessionHandle { callback = client.callback },
            nameof(NativeMethods.DRMCreateLicenseStorageSession),
            (out uint h) => NativeMethods.DRMCreateLicenseStorageSession(env, library, clientValue, flags, issuanceLicense, out h));
    }

    /// <summary>Makes a separately counted copy with <c>DRMDuplicateSession</c>; both must be disposed.</summary>
    /// <returns>The owned copy.</returns>
    /// <exception cref="DrmException">The duplicate function failed.</exception>
    public SafeDrmSessionHandle Duplicate()
    {
        using var scope = new InteropScope();
        uint source = scope.Use(this);
        return Create(
            new SafeDrmSessionHandle { callback = callback },
            nameof(NativeMethods.DRMDuplicateSession),
            (out uint h) => NativeMethods.DRMDuplicateSession(source, out h));
    }

    private protected override int Close(uint value) => NativeMethods.DRMCloseSession(value);
}
