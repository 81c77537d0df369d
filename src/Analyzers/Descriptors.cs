using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers;

/// <summary>The descriptors of every rule; each help link points at the rule's page in docs/rules.</summary>
internal static class Descriptors
{
    internal const string HelpLinkBase = "https://github.com/msdrm-analyzers/MsDrm.Analyzers/blob/main/docs/rules/";

    internal static readonly DiagnosticDescriptor HandleNotClosed = new(
        DiagnosticIds.HandleNotClosed,
        title: "Close every msdrm.dll handle on every path",
        messageFormat: "Handle '{0}' created by '{1}' is not closed with '{2}' on every path ({3})",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A handle from msdrm.dll keeps reference-counted resources and sensitive data (keys, licenses) alive until it reaches its close function. Close it on every path, or wrap it in its SafeDrm*Handle and dispose it.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.HandleNotClosed + ".md");

    internal static readonly DiagnosticDescriptor HresultIgnored = new(
        DiagnosticIds.HresultIgnored,
        title: "Check the HRESULT of every msdrm.dll call",
        messageFormat: "The HRESULT returned by '{0}' is ignored",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Every msdrm.dll function reports its outcome as an HRESULT. Dropping it lets the program go on with a zero or stale handle. Check it, pass it to DrmException.ThrowIfFailed, or discard it explicitly with '_ ='.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.HresultIgnored + ".md");

    internal static readonly DiagnosticDescriptor UsedAfterClose = new(
        DiagnosticIds.UsedAfterClose,
        title: "Do not close an msdrm.dll handle twice or use it after closing it",
        messageFormat: "Handle '{0}' is passed to '{1}' after '{2}' closed it on line {3}",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "msdrm.dll may hand a closed handle value out again to another object: closing it a second time can close someone else's session or license, and using it acts on the wrong object or fails with E_DRM_INVALID_HANDLE. A SafeDrm*Handle that adopted a raw handle closes it when disposed, so do not also close the raw value.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.UsedAfterClose + ".md");

    internal static readonly DiagnosticDescriptor WrongCloseFunction = new(
        DiagnosticIds.WrongCloseFunction,
        title: "Close each msdrm.dll handle with the close function of its kind",
        messageFormat: "'{0}' holds a {1}, which '{2}' does not close; use '{3}'",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The five msdrm.dll handle types are not interchangeable: a close function given another kind of handle fails with E_DRM_INVALID_HANDLE and releases nothing, so the handle and the keys it holds stay alive. This includes a SafeHandle subclass whose ReleaseHandle uses another kind's close function than the handles created into it.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.WrongCloseFunction + ".md");

    internal static readonly DiagnosticDescriptor CloseOrder = new(
        DiagnosticIds.CloseOrder,
        title: "Close a handle made from another handle first",
        messageFormat: "'{0}' is closed while '{1}', made from it by '{2}' on {3}, is still open; close '{1}' first",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Libraries, enabling principals and bound licenses live in their environment, license-storage sessions in their client session, encryptors and decryptors in their bound license, sub-objects in their container. Closing the parent first makes the child's close fail (E_DRM_ENV_NOT_LOADED) or force-closes the child while it is still in use.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.CloseOrder + ".md");

    internal static readonly DiagnosticDescriptor ErrorMasked = new(
        DiagnosticIds.ErrorMasked,
        title: "Do not overwrite a failed HRESULT with the result of a cleanup close",
        messageFormat: "The failure in '{0}' ({2}) is overwritten by the result of '{1}' before it is returned or thrown",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A cleanup block that assigns a close function's result to the HRESULT variable replaces the failure that led there, usually with S_OK, so the method reports success after failing. Keep the failure in its variable and close without assigning, or return the first failure.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.ErrorMasked + ".md");

    internal static readonly DiagnosticDescriptor ImportDeclaration = new(
        DiagnosticIds.ImportDeclaration,
        title: "Declare msdrm.dll imports with the native signature",
        messageFormat: "The import '{0}' of {1} cannot work as declared: {2}",
        category: "Interoperability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Every msdrm.dll function returns a 32-bit HRESULT, takes UTF-16 strings and 32-bit handles, and writes created handles through a pointer. An import declared otherwise garbles strings, throws the HRESULT away, breaks the stack on 32-bit processes or loses the new handle.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.ImportDeclaration + ".md");
}
