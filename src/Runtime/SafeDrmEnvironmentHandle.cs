namespace MsDrm;

/// <summary>An owned <c>DRMENVHANDLE</c>, released with <c>DRMCloseEnvironmentHandle</c>.</summary>
public sealed class SafeDrmEnvironmentHandle : SafeDrmHandleBase
{
    internal SafeDrmEnvironmentHandle()
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

    /// <summary>
    /// Loads the secure environment with <c>DRMInitEnvironment</c>. Dispose <paramref name="defaultLibrary"/>
    /// (and every other handle of the environment) before the environment.
    /// </summary>
    /// <param name="providerType">The security provider type.</param>
    /// <param name="specification">How <paramref name="securityProvider"/> is given.</param>
    /// <param name="securityProvider">The security provider (lockbox) path, or null.</param>
    /// <param name="manifestCredentials">The application manifest, or null.</param>
    /// <param name="machineCredentials">The machine certificate.</param>
    /// <param name="defaultLibrary">Receives the owned default library.</param>
    /// <returns>The owned environment.</returns>
    /// <exception cref="DrmException">The call failed; neither handle is left open.</exception>
    public static SafeDrmEnvironmentHandle Initialize(
        DrmSecurityProviderType providerType,
        DrmSpecType specification,
        string? securityProvider,
        string? manifestCredentials,
        string machineCredentials,
        out SafeDrmHandle defaultLibrary)
    {
        // Both wrappers exist before the call, so taking ownership afterwards cannot fail.
        var environment = new SafeDrmEnvironmentHandle();
        var library = new SafeDrmHandle();
        int hr;
        uint env, lib;
        try
        {
            hr = NativeMethods.DRMInitEnvironment(
                (uint)providerType, (uint)specification, securityProvider, manifestCredentials, machineCredentials, out env, out lib);
        }
        catch
        {
            library.Dispose();
            environment.Dispose();
            throw;
        }

        if (hr < 0)
        {
            // The library goes before its environment, as on every other path.
            library.CloseUnowned(lib);
            environment.CloseUnowned(env);
            library.Dispose();
            environment.Dispose();
            throw new DrmException(hr, nameof(NativeMethods.DRMInitEnvironment));
        }

        library.SetValue(lib);
        environment.SetValue(env);
        defaultLibrary = library;
        return environment;
    }

    /// <summary>Makes a separately counted copy with <c>DRMDuplicateEnvironmentHandle</c>; both must be disposed.</summary>
    /// <returns>The owned copy.</returns>
    /// <exception cref="DrmException">The duplicate function failed.</exception>
    public SafeDrmEnvironmentHandle Duplicate()
    {
        using var scope = new InteropScope();
        uint source = scope.Use(this);
        return Create(
            new SafeDrmEnvironmentHandle(),
            nameof(NativeMethods.DRMDuplicateEnvironmentHandle),
            (out uint h) => NativeMethods.DRMDuplicateEnvironmentHandle(source, out h));
    }

    private protected override int Close(uint value) => NativeMethods.DRMCloseEnvironmentHandle(value);
}
