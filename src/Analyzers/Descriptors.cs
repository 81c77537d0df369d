using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers;

/// <summary>The descriptors of every rule; each help link points at the rule's page in docs/rules.</summary>
internal static class Descriptors
{
    internal const string HelpLinkBase = "https://github.com/msdrm-analyzers/MsDrm.Analyzers/blob/main/docs/rules/";

    internal static readonly DiagnosticDescriptor HandleNotClosed = new(
        DiagnosticIds.HandleNotClosed,
        title: "Close every msdrm.dll handle on every path",
        messageFormat: "Handle '{0}' created by '{1}' is not closed with '{2}' on every path",
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
}
