namespace MsDrm.Analyzers.Imports;

/// <summary>How a parameter type carries text across the call, as far as its encoding matters.</summary>
internal enum StringShape
{
    /// <summary>No text: an integer, a pointer (<c>char*</c> buffers), a struct, a delegate.</summary>
    None,

    /// <summary><c>string</c> or <c>StringBuilder</c>.</summary>
    Text,

    /// <summary><c>char</c>.</summary>
    Char,

    /// <summary><c>string[]</c>.</summary>
    TextArray,

    /// <summary><c>char[]</c>.</summary>
    CharArray,
}
