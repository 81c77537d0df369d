namespace MsDrm.CodeFixes.Syntax;

/// <summary>What a condition says about an HRESULT when it holds.</summary>
internal enum Polarity
{
    /// <summary>Nothing certain.</summary>
    Unknown,

    /// <summary>True means success: the then-branch is a success branch.</summary>
    Success,

    /// <summary>False means success: the else-branch (or the code after an exiting then-branch) is.</summary>
    Failure,
}
