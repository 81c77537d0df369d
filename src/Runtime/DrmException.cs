using System;

namespace MsDrm;

/// <summary>A failed msdrm.dll call: carries the HRESULT and its <c>E_DRM_*</c> name.</summary>
public sealed class DrmException : Exception
{
    /// <summary>Creates the exception for a failed HRESULT.</summary>
    /// <param name="hr">The failing HRESULT.</param>
    public DrmException(int hr)
        : base($"msdrm.dll call failed with 0x{unchecked((uint)hr):X8}.")
    {
        HResult = hr;
    }

    /// <summary>Throws a <see cref="DrmException"/> when <paramref name="hr"/> is a failure (negative).</summary>
    /// <param name="hr">The HRESULT returned by an msdrm.dll function.</param>
    /// <exception cref="DrmException"><paramref name="hr"/> is negative.</exception>
    public static void ThrowIfFailed(int hr)
    {
        // Several S_DRM_* success codes are positive: only negative values are failures.
        if (hr < 0)
        {
            throw new DrmException(hr);
        }
    }
}
