namespace MsDrm.Analyzers;

/// <summary>The rule ids of the package, one constant per rule.</summary>
public static class DiagnosticIds
{
    /// <summary>A created handle is not closed with its close function on every path.</summary>
    public const string HandleNotClosed = "MSDRM001";

    /// <summary>The HRESULT of an msdrm.dll function is ignored.</summary>
    public const string HresultIgnored = "MSDRM002";
}
