using System;

namespace MsDrm;

/// <summary>
/// An owned <c>DRMHANDLE</c> (library, enabling principal, bound license, bound-license object,
/// encryptor or decryptor), released with <c>DRMCloseHandle</c>.
/// </summary>
public sealed class SafeDrmHandle : SafeDrmHandleBase
{
    internal SafeDrmHandle()
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

    /// <summary>Loads a library into an environment with <c>DRMLoadLibrary</c>; dispose it before the environment.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="specification">How <paramref name="libraryProvider"/> is given.</param>
    /// <param name="libraryProvider">The library to load.</param>
    /// <param name="credentials">Reserved: null.</param>
    /// <returns>The owned library.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmHandle LoadLibrary(SafeDrmEnvironmentHandle environment, DrmSpecType specification, string libraryProvider, string? credentials = null)
    {
        using var scope = new InteropScope();
        uint env = scope.Use(Requires.NotNull(environment, nameof(environment)));
        return Create(
            new SafeDrmHandle(),
            nameof(NativeMethods.DRMLoadLibrary),
            (out uint h) => NativeMethods.DRMLoadLibrary(env, (uint)specification, libraryProvider, credentials, out h));
    }

    /// <summary>Creates an enabling principal with <c>DRMCreateEnablingPrincipal</c>.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="library">The environment's default library.</param>
    /// <param name="objectName">The principal object name, e.g. <c>UDStdPlg Enabling Principal</c>.</param>
    /// <param name="principal">The principal's identifier.</param>
    /// <param name="credentials">The principal's credentials (a certificate chain).</param>
    /// <returns>The owned principal.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmHandle CreateEnablingPrincipal(
        SafeDrmEnvironmentHandle environment, SafeDrmHandle library, string objectName, DrmId principal, string credentials)
    {
        using var scope = new InteropScope();
        uint env = scope.Use(Requires.NotNull(environment, nameof(environment)));
        uint lib = scope.Use(Requires.NotNull(library, nameof(library)));
        IntPtr id = scope.Struct(ToNative(scope, Requires.NotNull(principal, nameof(principal))));
        return Create(
            new SafeDrmHandle(),
            nameof(NativeMethods.DRMCreateEnablingPrincipal),
            (out uint h) => NativeMethods.DRMCreateEnablingPrincipal(env, lib, objectName, id, credentials, out h));
    }

    /// <summary>Binds a license with <c>DRMCreateBoundLicense</c>; keep it open while its encryptors and decryptors are in use.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="parameters">The binding parameters; the handles they name stay owned by the caller.</param>
    /// <param name="licenseChain">The license chain.</param>
    /// <returns>The owned bound license.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmHandle CreateBoundLicense(SafeDrmEnvironmentHandle environment, DrmBoundLicenseParameters parameters, string licenseChain)
    {
        Requires.NotNull(parameters, nameof(parameters));
        using var scope = new InteropScope();
        uint env = scope.Use(Requires.NotNull(environment, nameof(environment)));
        var native = new NativeBoundLicenseParams
        {
            Version = NativeBoundLicenseParams.CurrentVersion,
            EnablingPrincipal = scope.Use(parameters.EnablingPrincipal),
            SecureStore = scope.Use(parameters.SecureStore),
            RightsRequested = scope.String(parameters.RightsRequested),
            RightsGroup = scope.String(parameters.RightsGroup),
            Resource = parameters.Resource is { } resource ? ToNative(scope, resource) : default,
            AuthenticatorCount = (uint)parameters.Authenticators.Count,
            Authenticators = scope.HandleArray(parameters.Authenticators),
            DefaultEnablingPrincipalCredentials = scope.String(parameters.DefaultEnablingPrincipalCredentials),
            Flags = parameters.Flags,
        };
        IntPtr pParams = scope.Struct(native);

        // phErrorLog is reserved and must be NULL: it yields no handle.
        return Create(
            new SafeDrmHandle(),
            nameof(NativeMethods.DRMCreateBoundLicense),
            (out uint h) => NativeMethods.DRMCreateBoundLicense(env, pParams, licenseChain, out h, IntPtr.Zero));
    }

    /// <summary>Creates a decryptor with <c>DRMCreateEnablingBitsDecryptor</c>; dispose it before the bound license.</summary>
    /// <param name="boundLicense">The bound license; the caller keeps owning it.</param>
    /// <param name="right">The right to exercise, e.g. <c>VIEW</c>.</param>
    /// <param name="auxPlug">Reserved: null.</param>
    /// <returns>The owned decryptor.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmHandle CreateEnablingBitsDecryptor(SafeDrmHandle boundLicense, string right, string? auxPlug = null)
    {
        using var scope = new InteropScope();
        uint license = scope.Use(Requires.NotNull(boundLicense, nameof(boundLicense)));
        return Create(
            new SafeDrmHandle(),
            nameof(NativeMethods.DRMCreateEnablingBitsDecryptor),
            (out uint h) => NativeMethods.DRMCreateEnablingBitsDecryptor(license, right, 0, auxPlug, out h));
    }

    /// <summary>Creates an encryptor with <c>DRMCreateEnablingBitsEncryptor</c>; dispose it before the bound license.</summary>
    /// <param name="boundLicense">The bound license; the caller keeps owning it.</param>
    /// <param name="right">The right to exercise, e.g. <c>EDIT</c>.</param>
    /// <param name="auxPlug">Reserved: null.</param>
    /// <returns>The owned encryptor.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmHandle CreateEnablingBitsEncryptor(SafeDrmHandle boundLicense, string right, string? auxPlug = null)
    {
        using var scope = new InteropScope();
        uint license = scope.Use(Requires.NotNull(boundLicense, nameof(boundLicense)));
        return Create(
            new SafeDrmHandle(),
            nameof(NativeMethods.DRMCreateEnablingBitsEncryptor),
            (out uint h) => NativeMethods.DRMCreateEnablingBitsEncryptor(license, right, 0, auxPlug, out h));
    }

    /// <summary>Gets a sub-object of a bound license with <c>DRMGetBoundLicenseObject</c>.</summary>
    /// <param name="queryRoot">The bound license or a bound-license object; the caller keeps owning it.</param>
    /// <param name="subObjectType">The sub-object type, e.g. <c>issued-principal</c>.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The owned sub-object.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmHandle GetBoundLicenseObject(SafeDrmHandle queryRoot, string subObjectType, uint index)
    {
        using var scope = new InteropScope();
        uint root = scope.Use(Requires.NotNull(queryRoot, nameof(queryRoot)));
        return Create(
            new SafeDrmHandle(),
            nameof(NativeMethods.DRMGetBoundLicenseObject),
            (out uint h) => NativeMethods.DRMGetBoundLicenseObject(root, subObjectType, index, out h));
    }

    /// <summary>Makes a separately counted copy with <c>DRMDuplicateHandle</c>; both must be disposed.</summary>
    /// <returns>The owned copy.</returns>
    /// <exception cref="DrmException">The duplicate function failed.</exception>
    public SafeDrmHandle Duplicate()
    {
        using var scope = new InteropScope();
        uint source = scope.Use(this);
        return Create(
            new SafeDrmHandle(),
            nameof(NativeMethods.DRMDuplicateHandle),
            (out uint h) => NativeMethods.DRMDuplicateHandle(source, out h));
    }

    private protected override int Close(uint value) => NativeMethods.DRMCloseHandle(value);

    private static NativeDrmId ToNative(InteropScope scope, DrmId id) => new()
    {
        Version = NativeDrmId.CurrentVersion,
        IdType = scope.String(id.IdType),
        Id = scope.String(id.Id),
    };
}
