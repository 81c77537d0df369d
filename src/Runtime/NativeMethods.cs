namespace MsDrm;

/// <summary>
/// Raw P/Invoke declarations of every msdrm.dll function that creates, duplicates or closes a handle.
/// Parameters follow msdrm.h order; handles are 32-bit values (<c>ULONG</c>) on every platform, passed
/// as <see cref="uint"/>; strings are UTF-16; every function returns an HRESULT (success is <c>hr &gt;= 0</c>).
/// Prefer the typed factories on the <c>SafeDrm*Handle</c> classes, which own what they create.
/// </summary>
public static partial class NativeMethods
{
    private const string MsDrm = "msdrm.dll";
}
