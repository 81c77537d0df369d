using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// One place a handle comes into being: a creating argument of a DRM call, an out wrapper argument
/// of a runtime method, or the wrapper a runtime method returns. Identity is stable across loop
/// iterations (one id per invocation and argument), so one leak is reported once. Immutable: what
/// the analysis learns about a site (its variable, a success test) is in <see cref="FlowFindings"/>.
/// </summary>
internal sealed class CreationSite
{
    internal CreationSite(int id, IInvocationOperation invocation, int parameterOrdinal, HandleKind kind, bool isWrapper, string function)
    {
        Id = id;
        Invocation = invocation;
        ParameterOrdinal = parameterOrdinal;
        Kind = kind;
        IsWrapper = isWrapper;
        Function = function;
    }

    internal int Id { get; }

    /// <summary>The creating invocation (where the diagnostic goes).</summary>
    internal IInvocationOperation Invocation { get; }

    /// <summary>The ordinal of the creating parameter, or -1 for a returned wrapper.</summary>
    internal int ParameterOrdinal { get; }

    internal HandleKind Kind { get; }

    /// <summary>True for a <c>SafeDrm*Handle</c> value (closed by <c>Dispose</c>), false for a raw handle.</summary>
    internal bool IsWrapper { get; }

    /// <summary>The export name, or <c>Type.Method</c> for a runtime method.</summary>
    internal string Function { get; }
}
