namespace MsDrm.Analyzers.Hresults;

/// <summary>What one side of a condition says about an HRESULT.</summary>
internal enum Outcome
{
    /// <summary>Nothing is known (e.g. the false side of <c>hr == 1</c>).</summary>
    Unknown,

    /// <summary>The HRESULT is a success: the created handles exist.</summary>
    Success,

    /// <summary>The HRESULT is a failure: the call created nothing.</summary>
    Failure,
}
