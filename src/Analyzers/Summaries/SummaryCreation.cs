using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.Summaries;

/// <summary>
/// A handle a summarised method hands its caller: created into an out/ref parameter, or returned.
/// The caller owns it as if it had called <see cref="Function"/> itself.
/// </summary>
internal sealed class SummaryCreation
{
    internal SummaryCreation(int ordinal, HandleKind kind, bool isWrapper, string function, string helper, Location innerLocation)
    {
        Ordinal = ordinal;
        Kind = kind;
        IsWrapper = isWrapper;
        Function = function;
        Helper = helper;
        InnerLocation = innerLocation;
    }

    /// <summary>The out/ref parameter's ordinal, or -1 for the returned value.</summary>
    internal int Ordinal { get; }

    internal HandleKind Kind { get; }

    /// <summary>True for a <c>SafeDrm*Handle</c> (or user SafeHandle) value, false for a raw handle.</summary>
    internal bool IsWrapper { get; }

    /// <summary>The msdrm.dll export (or runtime method) that made the handle, however many helpers deep.</summary>
    internal string Function { get; }

    /// <summary>The helper the caller called, as <c>Type.Method</c>.</summary>
    internal string Helper { get; }

    /// <summary>The creating DRM call inside the helper (or inside the helpers it calls).</summary>
    internal Location InnerLocation { get; }
}
