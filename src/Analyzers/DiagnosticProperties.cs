namespace MsDrm.Analyzers;

/// <summary>
/// Keys of <c>Diagnostic.Properties</c>: what the code fixes need, so they never re-run the analysis.
/// MSDRM001's are written and read through <see cref="HandleDiagnosticData"/>.
/// </summary>
public static class DiagnosticProperties
{
    /// <summary>MSDRM001 and MSDRM004: the handle kind (<c>Session</c>, <c>Handle</c>, <c>Pub</c>, <c>Environment</c>, <c>Query</c>).</summary>
    public const string Kind = "Kind";

    /// <summary>MSDRM001: the leaked variable's name; empty when the handle has none (discard, temporary).</summary>
    public const string Variable = "Variable";

    /// <summary>MSDRM001: "true" when the leaked value is a <c>SafeDrm*Handle</c>, "false" for a raw handle.</summary>
    public const string IsWrapper = "IsWrapper";

    /// <summary>MSDRM001 and MSDRM002: the msdrm.dll function or runtime method that was called.</summary>
    public const string Function = "Function";

    /// <summary>MSDRM001: "true" when the handle exists only on the success side of an HRESULT test.</summary>
    public const string SuccessConditional = "SuccessConditional";

    /// <summary>MSDRM002: "true" when the ignored HRESULT comes from a close function (<c>DRMClose*</c>), else "false".</summary>
    public const string IsClose = "IsClose";

    /// <summary>MSDRM007: the mismatch kinds of the import, comma-separated (e.g. <c>StringNotUtf16,ReturnType</c>).</summary>
    public const string Mismatches = "Mismatches";

    /// <summary>
    /// MSDRM001, MSDRM003, MSDRM005, MSDRM006: the prefix of one key per additional location
    /// (<c>RelatedLocation0</c>, <c>RelatedLocation1</c>...), whose value says what that location shows.
    /// </summary>
    public const string RelatedLocation = "RelatedLocation";
}
