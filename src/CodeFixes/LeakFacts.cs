using System;
using System.Collections.Immutable;
using MsDrm.Analyzers;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.CodeFixes;

/// <summary>
/// What a diagnostic tells the fixes, decoded once from its properties: the only place in the code
/// fixes that reads <see cref="DiagnosticProperties"/>.
/// </summary>
internal sealed class LeakFacts
{
    private LeakFacts(string variable, bool isWrapper, HandleKind? kind, bool successConditional)
    {
        Variable = variable;
        IsWrapper = isWrapper;
        Kind = kind;
        SuccessConditional = successConditional;
    }

    /// <summary>The leaked variable's name; empty when the handle has none (discard, temporary).</summary>
    internal string Variable { get; }

    /// <summary>True when the leaked value is a <c>SafeDrm*Handle</c>.</summary>
    internal bool IsWrapper { get; }

    /// <summary>The handle kind (MSDRM001), or null when the diagnostic does not say.</summary>
    internal HandleKind? Kind { get; }

    /// <summary>True when the handle exists only on the success side of an HRESULT test.</summary>
    internal bool SuccessConditional { get; }

    internal static LeakFacts From(ImmutableDictionary<string, string?> properties)
    {
        string Get(string key) => properties.TryGetValue(key, out string? value) ? value ?? string.Empty : string.Empty;

        HandleKind? kind = HandleDiagnosticData.TryRead(properties)?.Kind;

        return new LeakFacts(Get(DiagnosticProperties.Variable), Get(DiagnosticProperties.IsWrapper) == "true", kind, Get(DiagnosticProperties.SuccessConditional) == "true");
    }

    /// <summary>The same facts for a handle that got a name (a discard the fix named).</summary>
    internal LeakFacts WithVariable(string name) => new(name, IsWrapper, Kind, SuccessConditional);
}
