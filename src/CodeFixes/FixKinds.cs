namespace MsDrm.CodeFixes;

/// <summary>Equivalence keys: one per fix kind, so Fix All applies the kind the user picked.</summary>
internal static class FixKinds
{
    /// <summary>MSDRM001 on a SafeDrm*Handle: <c>using var</c> or a <c>using</c> block.</summary>
    internal const string DisposeWrapper = "MSDRM001.DisposeWrapper";

    /// <summary>MSDRM001 on a raw handle: <c>using (SafeDrm*Handle.Adopt(h)) { ... }</c>.</summary>
    internal const string AdoptInUsing = "MSDRM001.AdoptInUsing";

    /// <summary>MSDRM001 on a raw handle: <c>try { ... } finally { DRMClose...(h); }</c>.</summary>
    internal const string CloseInFinally = "MSDRM001.CloseInFinally";

    /// <summary>MSDRM002: <c>DrmException.ThrowIfFailed(call)</c> or <c>Marshal.ThrowExceptionForHR(call)</c>.</summary>
    internal const string ThrowIfFailed = "MSDRM002.ThrowIfFailed";
}
