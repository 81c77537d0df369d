using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.Imports;

/// <summary>One mismatch of an import declaration with the native signature.</summary>
internal sealed class ImportMismatch
{
    internal ImportMismatch(ImportMismatchKind kind, int parameterOrdinal, string text, AttributeData? marshalAs = null)
    {
        Kind = kind;
        ParameterOrdinal = parameterOrdinal;
        Text = text;
        MarshalAs = marshalAs;
    }

    internal ImportMismatchKind Kind { get; }

    /// <summary>The ordinal of the C# parameter at fault; -1 for the return type.</summary>
    internal int ParameterOrdinal { get; }

    /// <summary>What the diagnostic message says about it.</summary>
    internal string Text { get; }

    /// <summary>
    /// For a string parameter: the <c>[MarshalAs]</c> that asks for a narrow encoding, or null when
    /// the import's default (<c>CharSet</c>, <c>StringMarshalling</c>) is at fault.
    /// </summary>
    internal AttributeData? MarshalAs { get; }
}
