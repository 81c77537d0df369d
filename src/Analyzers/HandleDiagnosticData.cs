using System;
using System.Collections.Immutable;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers;

/// <summary>
/// What an MSDRM001 diagnostic carries for its code fixes, and the one place that writes and reads
/// it as <c>Diagnostic.Properties</c>. The close function and the wrapper type follow from the kind,
/// so they are not stored.
/// </summary>
internal sealed class HandleDiagnosticData
{
    internal HandleDiagnosticData(HandleKind kind, string variable, bool isWrapper, string function, bool successConditional)
    {
        Kind = kind;
        Variable = variable;
        IsWrapper = isWrapper;
        Function = function;
        SuccessConditional = successConditional;
    }

    internal HandleKind Kind { get; }

    /// <summary>The leaked variable's name; empty when the handle has none (discard, temporary).</summary>
    internal string Variable { get; }

    /// <summary>True when the leaked value is a <c>SafeDrm*Handle</c>, false for a raw handle.</summary>
    internal bool IsWrapper { get; }

    /// <summary>The msdrm.dll function or runtime method that created the handle.</summary>
    internal string Function { get; }

    /// <summary>True when the handle exists only on the success side of an HRESULT test.</summary>
    internal bool SuccessConditional { get; }

    /// <summary>The close function the handle needs, e.g. <c>DRMCloseSession</c>.</summary>
    internal string CloseFunction => Kind.CloseFunction();

    /// <summary>The simple name of the runtime wrapper type, e.g. <c>SafeDrmSessionHandle</c>.</summary>
    internal string SafeHandleType => Kind.SafeHandleTypeName();

    internal ImmutableDictionary<string, string?> ToProperties()
        => ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Kind, Kind.ToString())
            .Add(DiagnosticProperties.Variable, Variable)
            .Add(DiagnosticProperties.IsWrapper, IsWrapper ? "true" : "false")
            .Add(DiagnosticProperties.Function, Function)
            .Add(DiagnosticProperties.SuccessConditional, SuccessConditional ? "true" : "false");

    /// <summary>Reads the data back; null when the properties are not an MSDRM001 diagnostic's (a missing or unknown kind).</summary>
    internal static HandleDiagnosticData? TryRead(ImmutableDictionary<string, string?> properties)
    {
        if (!properties.TryGetValue(DiagnosticProperties.Kind, out string? kindName)
            || !Enum.TryParse(kindName, out HandleKind kind)
            || Array.IndexOf(HandleKindInfo.AllKinds, kind) < 0)
        {
            return null;
        }

        return new HandleDiagnosticData(
            kind,
            Text(properties, DiagnosticProperties.Variable),
            Text(properties, DiagnosticProperties.IsWrapper) == "true",
            Text(properties, DiagnosticProperties.Function),
            Text(properties, DiagnosticProperties.SuccessConditional) == "true");
    }

    private static string Text(ImmutableDictionary<string, string?> properties, string key)
        => properties.TryGetValue(key, out string? value) ? value ?? string.Empty : string.Empty;
}
