namespace MsDrm.Analyzers.Imports;

/// <summary>The ways an msdrm.dll import can be declared so the call cannot work (MSDRM007).</summary>
internal enum ImportMismatchKind
{
    /// <summary>A string parameter is marshalled as anything but UTF-16.</summary>
    StringNotUtf16,

    /// <summary>The return type cannot carry the 32-bit HRESULT (or is not <c>void</c> with <c>PreserveSig = false</c>).</summary>
    ReturnType,

    /// <summary>A handle parameter is declared as a 64-bit integer.</summary>
    WideHandle,

    /// <summary>A created handle parameter is passed by value instead of through a pointer.</summary>
    CreatedHandleByValue,
}
