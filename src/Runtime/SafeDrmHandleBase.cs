using System;
using System.Runtime.InteropServices;

namespace MsDrm;

/// <summary>
/// Base of the msdrm.dll handle wrappers: a 32-bit handle value where 0 means "no handle",
/// released exactly once with the close function of its kind.
/// </summary>
public abstract class SafeDrmHandleBase : SafeHandle
{
    /// <summary>Creates an invalid (zero) handle that owns whatever value is later set.</summary>
    private protected SafeDrmHandleBase()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <summary>A native call that returns an HRESULT and hands back one new handle.</summary>
    private protected delegate int CreateCall(out uint handle);

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The raw 32-bit handle value, for passing to msdrm.dll functions.</summary>
    public uint Value => unchecked((uint)handle.ToInt64());

    /// <summary>Calls the close function of this handle kind.</summary>
    private protected abstract int Close(uint value);

    /// <summary>Takes ownership of <paramref name="value"/>.</summary>
    internal void SetValue(uint value)
    {
        // IntPtr(long) overflows in 32-bit processes for values above int.MaxValue: keep the bits instead.
        SetHandle(IntPtr.Size == 8 ? new IntPtr((long)value) : new IntPtr(unchecked((int)value)));
    }

    /// <summary>
    /// Runs <paramref name="call"/> and gives its handle to <paramref name="wrapper"/> (allocated before the
    /// call, so nothing can fail between the native call and taking ownership). On failure closes any
    /// non-zero handle the call still returned and throws, leaving nothing open.
    /// </summary>
    private protected static T Create<T>(T wrapper, string function, CreateCall call)
        where T : SafeDrmHandleBase
    {
        return CreateOrNull(wrapper, function, endOfData: 0, call)!;
    }

    /// <summary>
    /// Like <see cref="Create{T}"/>, but returns null (with nothing left open) when the call fails with
    /// <paramref name="endOfData"/>, the normal end of an index loop (<c>E_DRM_NO_MORE_DATA</c>).
    /// </summary>
    private protected static T? CreateOrNull<T>(T wrapper, string function, int endOfData, CreateCall call)
        where T : SafeDrmHandleBase
    {
        int hr;
        uint value;
        try
        {
            hr = call(out value);
        }
        catch
        {
            wrapper.Dispose();
            throw;
        }

        if (hr < 0)
        {
            wrapper.CloseUnowned(value);
            wrapper.Dispose();
            if (hr == endOfData)
            {
                return null;
            }

            throw new DrmException(hr, function);
        }

        wrapper.SetValue(value);
        return wrapper;
    }

    /// <summary>Closes a value that no wrapper owns (a failed call's leftover); 0 is skipped.</summary>
    internal void CloseUnowned(uint value)
    {
        if (value != 0)
        {
            _ = Close(value);
        }
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        int hr = Close(Value);
        handle = IntPtr.Zero;
        return hr >= 0;
    }
}
