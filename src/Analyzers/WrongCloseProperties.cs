using System.Collections.Immutable;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers;

/// <summary>MSDRM004's diagnostic properties: the kind the handle has, whose close function the fix calls.</summary>
internal static class WrongCloseProperties
{
    internal static ImmutableDictionary<string, string?> For(HandleKind heldKind)
        => ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Kind, heldKind.ToString());

    /// <summary>The handle's kind from the properties; false when they carry none (another tool's diagnostic).</summary>
    internal static bool TryRead(ImmutableDictionary<string, string?> properties, out HandleKind heldKind)
    {
        heldKind = default;
        return properties.TryGetValue(DiagnosticProperties.Kind, out string? text)
            && System.Enum.TryParse(text, out heldKind)
            && System.Array.IndexOf(HandleKindInfo.AllKinds, heldKind) >= 0;
    }
}
