using System;

namespace MsDrm;

/// <summary>A failed msdrm.dll call: carries the HRESULT, its <c>E_DRM_*</c> name and the failing function.</summary>
public sealed class DrmException : Exception
{
    /// <summary>Creates the exception for a failed HRESULT.</summary>
    /// <param name="hr">The failing HRESULT.</param>
    public DrmException(int hr)
        : this(hr, functionName: null)
    {
    }

    /// <summary>Creates the exception for a failed HRESULT returned by <paramref name="functionName"/>.</summary>
    /// <param name="hr">The failing HRESULT.</param>
    /// <param name="functionName">The msdrm.dll function that failed, e.g. <c>DRMDuplicateSession</c>; null when unknown.</param>
    public DrmException(int hr, string? functionName)
        : base(FormatMessage(hr, functionName))
    {
        HResult = hr;
        FunctionName = functionName;
        ErrorName = DrmErrorNames.Find(hr);
    }

    /// <summary>The symbolic name of <see cref="Exception.HResult"/> (e.g. <c>E_DRM_INVALID_HANDLE</c>), or null for an unknown code.</summary>
    public string? ErrorName { get; }

    /// <summary>The msdrm.dll function that failed, or null when it was not given.</summary>
    public string? FunctionName { get; }

    /// <summary>Returns the symbolic name of an msdrm.dll HRESULT (<c>E_DRM_*</c>, <c>S_DRM_*</c> or a generic COM code).</summary>
    /// <param name="hr">Any HRESULT.</param>
    /// <returns>The name, or null when the code has no known name.</returns>
    public static string? GetErrorName(int hr) => DrmErrorNames.Find(hr);

    /// <summary>Throws a <see cref="DrmException"/> when <paramref name="hr"/> is a failure (negative).</summary>
    /// <param name="hr">The HRESULT returned by an msdrm.dll function.</param>
    /// <exception cref="DrmException"><paramref name="hr"/> is negative.</exception>
    public static void ThrowIfFailed(int hr) => ThrowIfFailed(hr, functionName: null);

    /// <summary>Throws a <see cref="DrmException"/> naming <paramref name="functionName"/> when <paramref name="hr"/> is a failure (negative).</summary>
    /// <param name="hr">The HRESULT returned by an msdrm.dll function.</param>
    /// <param name="functionName">The function that returned it, used in the message.</param>
    /// <exception cref="DrmException"><paramref name="hr"/> is negative.</exception>
    public static void ThrowIfFailed(int hr, string? functionName)
    {
        // Several S_DRM_* success codes are positive: only negative values are failures.
        if (hr < 0)
        {
            throw new DrmException(hr, functionName);
        }
    }

    private static string FormatMessage(int hr, string? functionName)
    {
        string code = $"0x{unchecked((uint)hr):X8}";
        string? name = DrmErrorNames.Find(hr);
        string outcome = name is null ? code : $"{name} ({code})";
        return $"{functionName ?? "msdrm.dll call"} failed: {outcome}";
    }
}
