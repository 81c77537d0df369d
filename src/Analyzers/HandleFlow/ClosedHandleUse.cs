using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>MSDRM003: a closed handle value reaches a close function again, or another DRM function.</summary>
internal sealed class ClosedHandleUse
{
    internal ClosedHandleUse(IInvocationOperation invocation, string variable, string function, bool isClose, bool onEveryPath, CloseSite firstClose)
    {
        OnEveryPath = onEveryPath;
        Invocation = invocation;
        Variable = variable;
        Function = function;
        IsClose = isClose;
        FirstClose = firstClose;
    }

    /// <summary>The second close or the use (where the diagnostic goes).</summary>
    internal IInvocationOperation Invocation { get; }

    /// <summary>The closed handle as the argument names it.</summary>
    internal string Variable { get; }

    /// <summary>The function called with the closed handle.</summary>
    internal string Function { get; }

    /// <summary>True for a second close (or a second adoption), false for a use.</summary>
    internal bool IsClose { get; }

    /// <summary>True when the handle is closed on every path that reaches the call: removing a second close then changes no path.</summary>
    internal bool OnEveryPath { get; }

    /// <summary>The close that came first (earliest in the source among those on some path).</summary>
    internal CloseSite FirstClose { get; }
}
