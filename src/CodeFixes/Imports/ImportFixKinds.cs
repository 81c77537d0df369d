namespace MsDrm.CodeFixes.Imports;

/// <summary>MSDRM007 equivalence keys: one per mismatch kind, so Fix All applies the kind the user picked.</summary>
internal static class ImportFixKinds
{
    /// <summary><c>CharSet = CharSet.Unicode</c>, <c>StringMarshalling.Utf16</c>, <c>LPStr</c> to <c>LPWStr</c>.</summary>
    internal const string Utf16Strings = "MSDRM007.Utf16Strings";

    /// <summary>The return type becomes <c>int</c> (<c>void</c> with <c>PreserveSig = false</c>).</summary>
    internal const string HresultReturn = "MSDRM007.HresultReturn";

    /// <summary>A <c>long</c>/<c>ulong</c> handle becomes <c>uint</c>.</summary>
    internal const string UInt32Handle = "MSDRM007.UInt32Handle";

    /// <summary>A created handle passed by value gets <c>out</c>.</summary>
    internal const string OutCreatedHandle = "MSDRM007.OutCreatedHandle";

    /// <summary>Every kind above in turn, for a declaration with several mismatches.</summary>
    internal const string EveryMismatch = "MSDRM007.EveryMismatch";
}
