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

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The raw 32-bit handle value, for passing to msdrm.dll functions.</summary>
    public uint Value => unchecked((uint)handle.ToInt64());

    /// <summary>Calls the close function of this handle kind.</summary>
    private protected abstract int Close(uint value);

    /// <summary>Takes ownership of <paramref name="value"/>.</summary>
    private protected void SetValue(uint value) => SetHandle(new IntPtr(value));

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        int hr = Close(Value);
        handle = IntPtr.Zero;
        return hr >= 0;
    }
}
