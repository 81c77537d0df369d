namespace MsDrm.Analyzers.ApiModel;

/// <summary>One row of msdrm-api.tsv: a handle-relevant parameter of an msdrm.dll function.</summary>
internal sealed class DrmParameter
{
    internal DrmParameter(int index, string name, ParameterRole role, HandleKind? kind, int? parentIndex = null)
    {
        Index = index;
        Name = name;
        Role = role;
        Kind = kind;
        ParentIndex = parentIndex;
    }

    /// <summary>The 0-based position of the parameter in the C declaration (and so in a C# import).</summary>
    internal int Index { get; }

    internal string Name { get; }

    internal ParameterRole Role { get; }

    /// <summary>The handle type of the parameter; null for <see cref="ParameterRole.None"/> rows without one.</summary>
    internal HandleKind? Kind { get; }

    /// <summary>
    /// For a creating parameter, the C position of the input handle it is made from (column
    /// <c>parent_param</c>): that handle must stay open until this one is closed (MSDRM005).
    /// Null when the created handle has no parent (and for every other role).
    /// </summary>
    internal int? ParentIndex { get; }
}
