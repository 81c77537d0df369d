using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers;

/// <summary>
/// MSDRM003 and MSDRM005 (issue 13), ready for their analyzers, which land with the shared handle flow.
/// Kept apart from <see cref="Descriptors"/> and <see cref="DiagnosticIds"/> until then, because the docs
/// tests require every rule there to have a README row and a page in docs/rules, and the README lists only
/// rules that work. When the analyzers land: move these ids into DiagnosticIds and these descriptors into
/// Descriptors, move docs/rules/pending/MSDRM00n.md to docs/rules/, add the README rows, and rename the
/// case lists' <c>Pending</c> to <c>All</c> (see docs/rules/pending/README.md).
/// </summary>
internal static class LifetimeRuleDescriptors
{
    /// <summary>A handle is closed twice, or used after it was closed, on some path.</summary>
    internal const string UsedAfterCloseId = "MSDRM003";

    /// <summary>A handle is closed while a handle made from it is still open.</summary>
    internal const string CloseOrderId = "MSDRM005";

    internal static readonly DiagnosticDescriptor UsedAfterClose = new(
        UsedAfterCloseId,
        title: "Do not close an msdrm.dll handle twice or use it after closing it",
        messageFormat: "Handle '{0}' is passed to '{1}' after '{2}' closed it",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "msdrm.dll may hand a closed handle value out again to another object: closing it a second time can close someone else's session or license, and using it acts on the wrong object or fails with E_DRM_INVALID_HANDLE. A SafeDrm*Handle that adopted a raw handle closes it when disposed, so do not also close the raw value.",
        helpLinkUri: Descriptors.HelpLinkBase + UsedAfterCloseId + ".md");

    internal static readonly DiagnosticDescriptor CloseOrder = new(
        CloseOrderId,
        title: "Close a handle made from another handle first",
        messageFormat: "'{0}' is closed while '{1}', made from it by '{2}', is still open; close '{1}' first",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Libraries, enabling principals and bound licenses live in their environment, license-storage sessions in their client session, encryptors and decryptors in their bound license, sub-objects in their container. Closing the parent first makes the child's close fail (E_DRM_ENV_NOT_LOADED) or force-closes the child while it is still in use.",
        helpLinkUri: Descriptors.HelpLinkBase + CloseOrderId + ".md");
}
