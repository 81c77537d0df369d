namespace MsDrm.Analyzers.ApiModel;

/// <summary>One row of msdrm-api.tsv: a handle-relevant parameter of an msdrm.dll function.</summary>
internal sealed class DrmParameter
{
    internal DrmParameter(int index, string name, ParameterRole role, HandleKind? kind)
    {
        Index = index;
        Name = name;
        Role = role;
        Kind = kind;
    }

    /// <summary>The 0-based position of the parameter in the C declaration (and so in a C# import).</summary>
    internal int Index { get; }

    internal string Name { get; }

    internal ParameterRole Role { get; }

    /// <summary>The handle type of the parameter; null for <see cref="ParameterRole.None"/> rows without one.</summary>
    internal HandleKind? Kind { get; }
}
