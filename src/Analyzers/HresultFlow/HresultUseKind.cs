namespace MsDrm.Analyzers.HresultFlow;

/// <summary>What the code does with the HRESULT an invocation returns, judged from its parents.</summary>
internal enum HresultUseKind
{
    /// <summary>The value is read: tested, returned, passed on, stored in a field, property or array.</summary>
    Read,

    /// <summary>The value is the whole expression statement: nothing sees it.</summary>
    Statement,

    /// <summary><c>_ = call</c>: the caller states that the value does not matter.</summary>
    Discarded,

    /// <summary>The value goes into one or more locals; a control-flow analysis decides whether any reads it.</summary>
    StoredInLocals,
}
