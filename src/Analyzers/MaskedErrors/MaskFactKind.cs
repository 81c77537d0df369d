namespace MsDrm.Analyzers.MaskedErrors;

/// <summary>What a local may hold on some path, as far as MSDRM006 cares.</summary>
internal enum MaskFactKind
{
    /// <summary>The result of a call other than a close function, not tested yet.</summary>
    Untested,

    /// <summary>A failed HRESULT: a call's result on the failure side of a test, or a negative constant.</summary>
    Failed,

    /// <summary>A close function's result that overwrote a failure (the failure is lost).</summary>
    Masked,
}
