namespace MsDrm.Analyzers.Imports;

/// <summary>What a <c>[MarshalAs]</c> or an import attribute says about a string parameter's encoding.</summary>
internal enum StringEncoding
{
    /// <summary>Nothing explicit: the import's default applies.</summary>
    Default,

    /// <summary>UTF-16, what msdrm.dll expects.</summary>
    Utf16,

    /// <summary>The user's own marshaller (<c>CustomMarshaler</c>, <c>[MarshalUsing]</c>, <c>StringMarshalling.Custom</c>).</summary>
    UserChoice,

    /// <summary>The system's ANSI code page.</summary>
    Ansi,

    /// <summary>UTF-8.</summary>
    Utf8,

    /// <summary>A <c>[LibraryImport]</c> with no string marshalling at all.</summary>
    Unspecified,
}
