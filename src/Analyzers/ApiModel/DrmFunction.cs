using System.Collections.Immutable;
using System.Linq;

namespace MsDrm.Analyzers.ApiModel;

/// <summary>An msdrm.dll export and what its handle parameters create, close or use.</summary>
internal sealed class DrmFunction
{
    internal DrmFunction(string name, ImmutableArray<DrmParameter> parameters)
    {
        Name = name;
        Parameters = parameters;
        Created = parameters.Where(p => p.Role == ParameterRole.Creates).ToImmutableArray();
        Closed = parameters.FirstOrDefault(p => p.Role == ParameterRole.Closes);
    }

    /// <summary>The export name, e.g. <c>DRMDuplicateSession</c>.</summary>
    internal string Name { get; }

    /// <summary>Every handle-relevant parameter (empty for functions without one).</summary>
    internal ImmutableArray<DrmParameter> Parameters { get; }

    /// <summary>The out parameters that create a handle the caller owns.</summary>
    internal ImmutableArray<DrmParameter> Created { get; }

    /// <summary>The parameter this function closes, or null when it is not a close function.</summary>
    internal DrmParameter? Closed { get; }

    internal bool IsClose => Closed is not null;

    /// <summary>The parameter at a C position, or null when that position carries no handle.</summary>
    internal DrmParameter? ParameterAt(int index)
    {
        foreach (DrmParameter parameter in Parameters)
        {
            if (parameter.Index == index)
            {
                return parameter;
            }
        }

        return null;
    }
}
