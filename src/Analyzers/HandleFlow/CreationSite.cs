using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Summaries;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// One place a handle comes into being: a creating argument of a DRM call, an out wrapper argument
/// of a runtime method, or the wrapper a runtime method returns. Identity is stable across loop
/// iterations (one id per invocation and argument), so one leak is reported once. Immutable: what
/// the analysis learns about a site (its variable, a success test) is in <see cref="FlowFindings"/>.
/// </summary>
internal sealed class CreationSite
{
    internal CreationSite(int id, int block, IInvocationOperation invocation, int parameterOrdinal, HandleKind kind, bool isWrapper, string function, SummaryCreation? via = null)
    {
        Id = id;
        Block = block;
        Invocation = invocation;
        ParameterOrdinal = parameterOrdinal;
        Kind = kind;
        IsWrapper = isWrapper;
        Function = function;
        Via = via;
    }

    /// <summary>
    /// The handle a summarised method's parameter holds at its entry (only when the flow summarises
    /// that method): the caller's handle, of a kind the method does not know (<see cref="Kind"/> is
    /// meaningless unless <see cref="IsWrapper"/>). It has no invocation.
    /// </summary>
    internal CreationSite(int id, IParameterSymbol parameter, HandleKind? wrapperKind)
    {
        Id = id;
        Invocation = null!;
        ParameterOrdinal = parameter.Ordinal;
        Kind = wrapperKind ?? HandleKind.Handle;
        IsWrapper = wrapperKind is not null;
        Function = parameter.Name;
        Parameter = parameter;
    }

    /// <summary>For a parameter's handle in a summarised method, the parameter; null for every creation.</summary>
    internal IParameterSymbol? Parameter { get; }

    /// <summary>The user's helper this handle came through (its summary's creation), or null for a direct creation.</summary>
    internal SummaryCreation? Via { get; }

    internal int Id { get; }

    /// <summary>The ordinal of the block that holds the creating call (the entry block for a parameter's handle).</summary>
    internal int Block { get; }

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
