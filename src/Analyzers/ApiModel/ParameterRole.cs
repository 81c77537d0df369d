namespace MsDrm.Analyzers.ApiModel;

/// <summary>What a handle-typed parameter of an msdrm.dll function does (the <c>role</c> column of msdrm-api.tsv).</summary>
internal enum ParameterRole
{
    /// <summary>No handle: a function without handle parameters, or a reserved out parameter.</summary>
    None,

    /// <summary>An out handle the caller owns and must close.</summary>
    Creates,

    /// <summary>The handle the function closes.</summary>
    Closes,

    /// <summary>The input of a duplicate function; it stays owned by the caller.</summary>
    DuplicatesSource,

    /// <summary>A handle input: a use, never an escape.</summary>
    Uses,
}
