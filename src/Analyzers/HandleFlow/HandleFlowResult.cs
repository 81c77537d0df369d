using System.Collections.Immutable;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>What the handle flow found in one executable body (and the bodies nested in it).</summary>
internal sealed class HandleFlowResult
{
    internal static readonly HandleFlowResult Empty = new(ImmutableArray<LeakedHandle>.Empty);

    internal HandleFlowResult(ImmutableArray<LeakedHandle> leaks, ImmutableArray<WrongClose> wrongCloses = default)
    {
        Leaks = leaks;
        WrongCloses = wrongCloses.IsDefault ? ImmutableArray<WrongClose>.Empty : wrongCloses;
    }

    /// <summary>One entry per leaked creation site, in source order.</summary>
    public ImmutableArray<LeakedHandle> Leaks { get; }

    /// <summary>Close calls given a handle of another kind (MSDRM004), in source order.</summary>
    public ImmutableArray<WrongClose> WrongCloses { get; }
}
