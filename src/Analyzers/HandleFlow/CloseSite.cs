using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// One place where a handle value stops being usable (MSDRM003, MSDRM005): a close call, the disposal
/// of a wrapper that adopted the value, or an <c>Adopt</c> call (the wrapper will close the value, so a
/// raw close after it is a second close, while uses stay fine until the wrapper is disposed).
/// </summary>
internal sealed class CloseSite
{
    internal CloseSite(int id, IInvocationOperation invocation, string function, string variable, bool isAdoption)
    {
        Id = id;
        Invocation = invocation;
        Function = function;
        Variable = variable;
        IsAdoption = isAdoption;
    }

    internal int Id { get; }

    /// <summary>
    /// The call the close is located on: the close call, <c>w.Dispose()</c>, or for the implicit disposal
    /// at the end of a <c>using</c>, the call that created the wrapper (the resource expression).
    /// </summary>
    internal IInvocationOperation Invocation { get; }

    /// <summary>The close function, <c>Type.Dispose</c>, or <c>Type.Adopt</c>.</summary>
    internal string Function { get; }

    /// <summary>What the close closed, as the source names it (a variable, or the wrapper's expression).</summary>
    internal string Variable { get; }

    /// <summary>True for an <c>Adopt</c> call: the value now belongs to a wrapper but is still open.</summary>
    internal bool IsAdoption { get; }
}
