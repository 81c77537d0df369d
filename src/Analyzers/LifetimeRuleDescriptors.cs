using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers;

/// <summary>
/// MSDRM003–MSDRM006 (issue 13), ready for their analyzers, which land with the shared handle flow.
/// Kept apart from <see cref="Descriptors"/> and <see cref="DiagnosticIds"/> until then, because the docs
/// tests require every rule there to have a README row and a page in docs/rules, and the README lists only
/// rules that work. When the analyzers land: move these ids into DiagnosticIds and these descriptors into
/// Descriptors, move docs/rules/pending/MSDRM00n.md to docs/rules/, add the README rows, and rename the
/// case lists' <c>Pending</c> to <c>All</c> (see docs/rules/pending/README.md).
/// </summary>
internal static class LifetimeRuleDescriptors
{
    /// <summary>A handle is passed to the close function of another handle kind.</summary>
    internal const string WrongCloseFunctionId = "MSDRM004";

    /// <summary>A failed HRESULT is overwritten by a close function's result before it is returned or thrown.</summary>
    internal const string ErrorMaskedId = "MSDRM006";

    internal static readonly DiagnosticDescriptor WrongCloseFunction = new(
        WrongCloseFunctionId,
        title: "Close each msdrm.dll handle with the close function of its kind",
        messageFormat: "'{0}' holds a {1}, which '{2}' does not close; use '{3}'",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The five msdrm.dll handle types are not interchangeable: a close function given another kind of handle fails with E_DRM_INVALID_HANDLE and releases nothing, so the handle and the keys it holds stay alive. This includes a SafeHandle subclass whose ReleaseHandle uses another kind's close function than the handles created into it.",
        helpLinkUri: Descriptors.HelpLinkBase + WrongCloseFunctionId + ".md");

    internal static readonly DiagnosticDescriptor ErrorMasked = new(
        ErrorMaskedId,
        title: "Do not overwrite a failed HRESULT with the result of a cleanup close",
        messageFormat: "The failure in '{0}' is overwritten by the result of '{1}' before it is returned or thrown",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A cleanup block that assigns a close function's result to the HRESULT variable replaces the failure that led there, usually with S_OK, so the method reports success after failing. Keep the failure in its variable and close without assigning, or return the first failure.",
        helpLinkUri: Descriptors.HelpLinkBase + ErrorMaskedId + ".md");
}
