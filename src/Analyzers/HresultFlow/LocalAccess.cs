namespace MsDrm.Analyzers.HresultFlow;

/// <summary>The first thing an operation does to a local, in evaluation order.</summary>
internal enum LocalAccess
{
    None,
    Read,
    Write,
}
