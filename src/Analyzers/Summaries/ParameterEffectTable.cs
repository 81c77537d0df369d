using System.Collections.Immutable;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.Summaries;

/// <summary>A method's parameter effects by ordinal, with the kind each closing parameter closes; published as one object.</summary>
internal sealed class ParameterEffectTable
{
    internal ParameterEffectTable(ImmutableArray<ParameterEffect> effects, ImmutableArray<HandleKind?> kinds)
    {
        Effects = effects;
        Kinds = kinds;
    }

    internal ImmutableArray<ParameterEffect> Effects { get; }

    internal ImmutableArray<HandleKind?> Kinds { get; }
}
