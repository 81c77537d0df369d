using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace MsDrm;

/// <summary>An owned <c>DRMPUBHANDLE</c> (user, right or issuance license), released with <c>DRMClosePubHandle</c>.</summary>
public sealed class SafeDrmPubHandle : SafeDrmHandleBase
{
    private const int NoMoreData = unchecked((int)0x8004CF33); // E_DRM_NO_MORE_DATA

    internal SafeDrmPubHandle()
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

    /// <summary>Creates a user with <c>DRMCreateUser</c>.</summary>
    /// <param name="userName">The user name (e.g. an e-mail address), or null.</param>
    /// <param name="userId">The user id, or null.</param>
    /// <param name="userIdType">The user id type (e.g. <c>Windows</c>, <c>Unspecified</c>), or null.</param>
    /// <returns>The owned user.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmPubHandle CreateUser(string? userName, string? userId, string? userIdType)
    {
        return Create(
            new SafeDrmPubHandle(),
            nameof(NativeMethods.DRMCreateUser),
            (out uint h) => NativeMethods.DRMCreateUser(userName, userId, userIdType, out h));
    }

    /// <summary>Creates a right with <c>DRMCreateRight</c>.</summary>
    /// <param name="rightName">The right name, e.g. <c>VIEW</c>.</param>
    /// <param name="validFrom">When the right starts, or null for no limit.</param>
    /// <param name="validUntil">When the right ends, or null for no limit.</param>
    /// <param name="extendedInfo">Extended-information name/value pairs, or null.</param>
    /// <returns>The owned right.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmPubHandle CreateRight(
        string rightName, DateTime? validFrom, DateTime? validUntil, IReadOnlyList<KeyValuePair<string, string>>? extendedInfo = null)
    {
        string[]? names = null, values = null;
        if (extendedInfo is { Count: > 0 })
        {
            names = new string[extendedInfo.Count];
            values = new string[extendedInfo.Count];
            for (int i = 0; i < extendedInfo.Count; i++)
            {
                names[i] = extendedInfo[i].Key;
                values[i] = extendedInfo[i].Value;
            }
        }

        using var scope = new InteropScope();
        IntPtr from = scope.SystemTime(validFrom);
        IntPtr until = scope.SystemTime(validUntil);
        return Create(
            new SafeDrmPubHandle(),
            nameof(NativeMethods.DRMCreateRight),
            (out uint h) => NativeMethods.DRMCreateRight(rightName, from, until, (uint)(names?.Length ?? 0), names, values, out h));
    }

    /// <summary>Creates an issuance license with <c>DRMCreateIssuanceLicense</c>.</summary>
    /// <param name="validFrom">When the license starts, or null.</param>
    /// <param name="validUntil">When the license ends, or null.</param>
    /// <param name="referralInfoName">The referral name, or null.</param>
    /// <param name="referralInfoUrl">The referral URL, or null.</param>
    /// <param name="owner">The owner user, or null; the caller keeps owning it.</param>
    /// <param name="issuanceLicense">An issuance license to start from, or null.</param>
    /// <param name="boundLicense">A bound license, or null; the caller keeps owning it.</param>
    /// <returns>The owned issuance license.</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmPubHandle CreateIssuanceLicense(
        DateTime? validFrom,
        DateTime? validUntil,
        string? referralInfoName,
        string? referralInfoUrl,
        SafeDrmPubHandle? owner,
        string? issuanceLicense,
        SafeDrmHandle? boundLicense)
    {
        using var scope = new InteropScope();
        IntPtr from = scope.SystemTime(validFrom);
        IntPtr until = scope.SystemTime(validUntil);
        uint ownerValue = scope.Use(owner);
        uint license = scope.Use(boundLicense);
        return Create(
            new SafeDrmPubHandle(),
            nameof(NativeMethods.DRMCreateIssuanceLicense),
            (out uint h) => NativeMethods.DRMCreateIssuanceLicense(from, until, referralInfoName, referralInfoUrl, ownerValue, issuanceLicense, license, out h));
    }

    /// <summary>Gets the user at <paramref name="index"/> of an issuance license with <c>DRMGetUsers</c>.</summary>
    /// <param name="issuanceLicense">The issuance license; the caller keeps owning it.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The owned user.</returns>
    /// <exception cref="DrmException">The call failed (<c>E_DRM_NO_MORE_DATA</c> past the end); nothing is left open.</exception>
    public static SafeDrmPubHandle GetUser(SafeDrmPubHandle issuanceLicense, uint index)
    {
        return TryGetUser(issuanceLicense, index, out SafeDrmPubHandle? user)
            ? user
            : throw new DrmException(NoMoreData, nameof(NativeMethods.DRMGetUsers));
    }

    /// <summary>Gets the user at <paramref name="index"/>, or returns false past the last user (<c>E_DRM_NO_MORE_DATA</c>).</summary>
    /// <param name="issuanceLicense">The issuance license; the caller keeps owning it.</param>
    /// <param name="index">The 0-based index.</param>
    /// <param name="user">Receives the owned user when the method returns true.</param>
    /// <returns>True when a user was returned.</returns>
    /// <exception cref="DrmException">The call failed with another error; nothing is left open.</exception>
    public static bool TryGetUser(SafeDrmPubHandle issuanceLicense, uint index, [NotNullWhen(true)] out SafeDrmPubHandle? user)
    {
        using var scope = new InteropScope();
        uint license = scope.Use(Requires.NotNull(issuanceLicense, nameof(issuanceLicense)));
        user = CreateOrNull(
            new SafeDrmPubHandle(),
            nameof(NativeMethods.DRMGetUsers),
            NoMoreData,
            (out uint h) => NativeMethods.DRMGetUsers(license, index, out h));
        return user is not null;
    }

    /// <summary>Gets the right at <paramref name="index"/> of a user with <c>DRMGetUserRights</c>.</summary>
    /// <param name="issuanceLicense">The issuance license; the caller keeps owning it.</param>
    /// <param name="user">The user; the caller keeps owning it.</param>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The owned right.</returns>
    /// <exception cref="DrmException">The call failed (<c>E_DRM_NO_MORE_DATA</c> past the end); nothing is left open.</exception>
    public static SafeDrmPubHandle GetUserRight(SafeDrmPubHandle issuanceLicense, SafeDrmPubHandle user, uint index)
    {
        return TryGetUserRight(issuanceLicense, user, index, out SafeDrmPubHandle? right)
            ? right
            : throw new DrmException(NoMoreData, nameof(NativeMethods.DRMGetUserRights));
    }

    /// <summary>Gets the right at <paramref name="index"/> of a user, or returns false past the last one (<c>E_DRM_NO_MORE_DATA</c>).</summary>
    /// <param name="issuanceLicense">The issuance license; the caller keeps owning it.</param>
    /// <param name="user">The user; the caller keeps owning it.</param>
    /// <param name="index">The 0-based index.</param>
    /// <param name="right">Receives the owned right when the method returns true.</param>
    /// <returns>True when a right was returned.</returns>
    /// <exception cref="DrmException">The call failed with another error; nothing is left open.</exception>
    public static bool TryGetUserRight(SafeDrmPubHandle issuanceLicense, SafeDrmPubHandle user, uint index, [NotNullWhen(true)] out SafeDrmPubHandle? right)
    {
        using var scope = new InteropScope();
        uint license = scope.Use(Requires.NotNull(issuanceLicense, nameof(issuanceLicense)));
        uint userValue = scope.Use(Requires.NotNull(user, nameof(user)));
        right = CreateOrNull(
            new SafeDrmPubHandle(),
            nameof(NativeMethods.DRMGetUserRights),
            NoMoreData,
            (out uint h) => NativeMethods.DRMGetUserRights(license, userValue, index, out h));
        return right is not null;
    }

    /// <summary>Gets the owner of an issuance license with <c>DRMGetIssuanceLicenseInfo</c>.</summary>
    /// <param name="issuanceLicense">The issuance license; the caller keeps owning it.</param>
    /// <returns>The owned owner user (an invalid handle when the license names no owner).</returns>
    /// <exception cref="DrmException">The call failed; nothing is left open.</exception>
    public static SafeDrmPubHandle GetIssuanceLicenseOwner(SafeDrmPubHandle issuanceLicense)
    {
        using var scope = new InteropScope();
        uint license = scope.Use(Requires.NotNull(issuanceLicense, nameof(issuanceLicense)));
        return Create(
            new SafeDrmPubHandle(),
            nameof(NativeMethods.DRMGetIssuanceLicenseInfo),
            (out uint h) =>
            {
                // Null buffers with zero lengths: only the owner is wanted (as dotnet/wpf's first, sizing call).
                uint nameLength = 0, urlLength = 0;
                return NativeMethods.DRMGetIssuanceLicenseInfo(
                    license, IntPtr.Zero, IntPtr.Zero, 0, ref nameLength, IntPtr.Zero, ref urlLength, IntPtr.Zero, out h, out _);
            });
    }

    /// <summary>Makes a separately counted copy with <c>DRMDuplicatePubHandle</c>; both must be disposed.</summary>
    /// <returns>The owned copy.</returns>
    /// <exception cref="DrmException">The duplicate function failed.</exception>
    public SafeDrmPubHandle Duplicate()
    {
        using var scope = new InteropScope();
        uint source = scope.Use(this);
        return Create(
            new SafeDrmPubHandle(),
            nameof(NativeMethods.DRMDuplicatePubHandle),
            (out uint h) => NativeMethods.DRMDuplicatePubHandle(source, out h));
    }

    private protected override int Close(uint value) => NativeMethods.DRMClosePubHandle(value);
}
