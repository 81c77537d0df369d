using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Summaries;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>A created handle that is not closed (nor escapes) on some non-exceptional path.</summary>
internal sealed class LeakedHandle
{
    internal LeakedHandle(CreationSite site, string? variable, bool successConditional, LostPoint? lost = null, Location? successTest = null)
    {
        Lost = lost;
        SuccessTest = successTest;
        Invocation = site.Invocation;
        Kind = site.Kind;
        IsWrapper = site.IsWrapper;
        Function = site.Function;
        Variable = variable;
        Via = site.Via;
        SuccessConditional = successConditional;
    }

    /// <summary>The invocation that created the handle.</summary>
    internal IInvocationOperation Invocation { get; }

    internal HandleKind Kind { get; }

    /// <summary>True for a <c>SafeDrm*Handle</c> that is not disposed; false for a raw handle.</summary>
    internal bool IsWrapper { get; }

    /// <summary>The msdrm.dll export, or <c>Type.Method</c> of the runtime method that created it.</summary>
    internal string Function { get; }

    /// <summary>The variable that received the handle, "_" for a discard, null when it has none.</summary>
    internal string? Variable { get; }

    /// <summary>The user's helper the handle came through (its summary), or null for a direct creation.</summary>
    internal SummaryCreation? Via { get; }

    /// <summary>True when the handle exists only on the success side of an HRESULT test.</summary>
    internal bool SuccessConditional { get; }

    /// <summary>Where the nearest leaking path loses the handle; null when no point could be placed in the source.</summary>
    internal LostPoint? Lost { get; }

    /// <summary>The first test of the creating call's HRESULT (or ThrowIfFailed on it); null when it is not tested.</summary>
    internal Location? SuccessTest { get; }
}
