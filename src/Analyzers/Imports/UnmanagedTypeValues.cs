namespace MsDrm.Analyzers.Imports;

/// <summary>
/// The <c>System.Runtime.InteropServices.UnmanagedType</c> values MSDRM007 reads from
/// <c>[MarshalAs]</c> (fixed by ECMA-335; an analyzer sees them as plain integers).
/// </summary>
internal static class UnmanagedTypeValues
{
    internal const int I1 = 3;
    internal const int U1 = 4;
    internal const int I2 = 5;
    internal const int U2 = 6;
    internal const int I8 = 9;
    internal const int U8 = 10;
    internal const int BStr = 19;
    internal const int LPStr = 20;
    internal const int LPWStr = 21;
    internal const int LPTStr = 22;
    internal const int VBByRefStr = 34;
    internal const int AnsiBStr = 35;
    internal const int TBStr = 36;
    internal const int CustomMarshaler = 44;
    internal const int HString = 47;
    internal const int LPUTF8Str = 48;

    /// <summary><c>StringMarshalling.Custom</c>, <c>Utf8</c> and <c>Utf16</c> of <c>[LibraryImport]</c>.</summary>
    internal const int StringMarshallingCustom = 0;
    internal const int StringMarshallingUtf8 = 1;
    internal const int StringMarshallingUtf16 = 2;
}
