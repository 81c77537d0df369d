namespace MsDrm.Analyzers;

/// <summary>The rule ids of the package, one constant per rule.</summary>
public static class DiagnosticIds
{
    /// <summary>A created handle is not closed with its close function on every path.</summary>
    public const string HandleNotClosed = "MSDRM001";

    /// <summary>The HRESULT of an msdrm.dll function is ignored.</summary>
    public const string HresultIgnored = "MSDRM002";

    /// <summary>A handle is closed twice, or used after it was closed, on some path.</summary>
    public const string UsedAfterClose = "MSDRM003";

    /// <summary>A handle is passed to the close function of another handle kind.</summary>
    public const string WrongCloseFunction = "MSDRM004";

    /// <summary>A handle is closed while a handle made from it is still open.</summary>
    public const string CloseOrder = "MSDRM005";

    /// <summary>A failed HRESULT is overwritten by a close function's result before it is returned or thrown.</summary>
    public const string ErrorMasked = "MSDRM006";

    /// <summary>An msdrm.dll import is declared with a signature that does not match the native one.</summary>
    public const string ImportDeclaration = "MSDRM007";
}
