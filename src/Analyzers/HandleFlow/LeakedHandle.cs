using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>A created handle that is not closed (nor escapes) on some non-exceptional path.</summary>
internal sealed class LeakedHandle
{
    internal LeakedHandle(CreationSite site)
    {
        Invocation = site.Invocation;
        Kind = site.Kind;
        IsWrapper = site.IsWrapper;
        Function = site.Function;
        Variable = site.Variable;
        SuccessConditional = site.SuccessConditional;
        ParameterOrdinal = site.ParameterOrdinal;
    }

    /// <summary>The invocation that created the handle.</summary>
    public IInvocationOperation Invocation { get; }

    /// <summary>The ordinal of the creating parameter, or -1 when the invocation returns a wrapper.</summary>
    public int ParameterOrdinal { get; }

    internal HandleKind Kind { get; }

    /// <summary>True for a <c>SafeDrm*Handle</c> that is not disposed; false for a raw handle.</summary>
    public bool IsWrapper { get; }

    /// <summary>The msdrm.dll export, or <c>Type.Method</c> of the runtime method that created it.</summary>
    public string Function { get; }

    /// <summary>The variable that received the handle, "_" for a discard, null when it has none.</summary>
    public string? Variable { get; }

    /// <summary>True when the handle exists only on the success side of an HRESULT test.</summary>
    public bool SuccessConditional { get; }

    /// <summary>The native close function of the handle's kind, e.g. <c>DRMCloseSession</c>.</summary>
    public string CloseFunction => Kind.CloseFunction();

    /// <summary>The runtime wrapper type name of the handle's kind, e.g. <c>SafeDrmSessionHandle</c>.</summary>
    public string SafeHandleType => Kind.SafeHandleTypeName();

    /// <summary>The handle kind's name (<c>Session</c>, <c>Handle</c>, <c>Pub</c>, <c>Environment</c>, <c>Query</c>).</summary>
    public string KindName => Kind.ToString();
}
