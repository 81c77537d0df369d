using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>A close call that receives a handle of another kind than it closes (MSDRM004).</summary>
internal sealed class WrongClose
{
    internal WrongClose(IInvocationOperation invocation, IArgumentOperation argument, HandleKind heldKind, HandleKind closedKind)
    {
        Invocation = invocation;
        Argument = argument;
        HeldKind = heldKind;
        ClosedKind = closedKind;
    }

    /// <summary>The close call in the graph (an operation of the graph, not of the body's tree: compare by syntax).</summary>
    internal IInvocationOperation Invocation { get; }

    /// <summary>The argument that carries the handle.</summary>
    internal IArgumentOperation Argument { get; }

    /// <summary>The kind of every handle the argument may hold on any path.</summary>
    internal HandleKind HeldKind { get; }

    /// <summary>The kind the called function closes.</summary>
    internal HandleKind ClosedKind { get; }
}
