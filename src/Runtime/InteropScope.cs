using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace MsDrm;

/// <summary>
/// The unmanaged memory and handle references one native call needs. Input handles are AddRef'd so a
/// concurrent Dispose cannot close them while the call runs; everything is released on Dispose.
/// </summary>
internal sealed class InteropScope : IDisposable
{
    private readonly List<IntPtr> allocations = new();
    private readonly List<SafeHandle> references = new();

    /// <summary>The raw value of an input handle, kept open until the scope ends; 0 for null.</summary>
    /// <exception cref="ObjectDisposedException">The handle was already disposed.</exception>
    public uint Use(SafeDrmHandleBase? handle)
    {
        if (handle is null)
        {
            return 0;
        }

        bool added = false;
        handle.DangerousAddRef(ref added);
        if (added)
        {
            references.Add(handle);
        }

        return handle.Value;
    }

    /// <summary>A NUL-terminated UTF-16 copy of <paramref name="text"/>, or zero for null.</summary>
    public IntPtr String(string? text)
    {
        if (text is null)
        {
            return IntPtr.Zero;
        }

        IntPtr copy = Marshal.StringToHGlobalUni(text);
        allocations.Add(copy);
        return copy;
    }

    /// <summary>An unmanaged copy of a blittable structure.</summary>
    public IntPtr Struct<T>(T value)
        where T : struct
    {
        IntPtr block = Alloc(Marshal.SizeOf<T>());
        Marshal.StructureToPtr(value, block, fDeleteOld: false);
        return block;
    }

    /// <summary>A <c>SYSTEMTIME</c> for <paramref name="time"/>, or zero for null.</summary>
    public IntPtr SystemTime(DateTime? time) => time is { } value ? Struct(NativeSystemTime.From(value)) : IntPtr.Zero;

    /// <summary>An array of 32-bit handle values, or zero when there are none.</summary>
    public IntPtr HandleArray(IList<SafeDrmHandle> handles)
    {
        if (handles.Count == 0)
        {
            return IntPtr.Zero;
        }

        IntPtr block = Alloc(sizeof(uint) * handles.Count);
        for (int i = 0; i < handles.Count; i++)
        {
            Marshal.WriteInt32(block, i * sizeof(uint), unchecked((int)Use(handles[i])));
        }

        return block;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (SafeHandle handle in references)
        {
            handle.DangerousRelease();
        }

        foreach (IntPtr block in allocations)
        {
            Marshal.FreeHGlobal(block);
        }

        references.Clear();
        allocations.Clear();
    }

    private IntPtr Alloc(int size)
    {
        IntPtr block = Marshal.AllocHGlobal(size);
        allocations.Add(block);
        return block;
    }
}
