using MsDrm.Testing.Cases;
using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM003to006;

/// <summary>The case sets of MSDRM003–MSDRM006 by rule id, for theories over (id, case name).</summary>
internal static class LifetimeRuleCases
{
    internal static readonly IReadOnlyDictionary<string, IReadOnlyList<RuleCase>> ById = new Dictionary<string, IReadOnlyList<RuleCase>>
    {
        ["MSDRM003"] = MSDRM003Cases.All,
        ["MSDRM004"] = MSDRM004Cases.All,
        ["MSDRM005"] = MSDRM005Cases.All,
        ["MSDRM006"] = MSDRM006Cases.All,
    };

    internal static RuleCase Get(string id, string name) => ById[id].Single(c => c.Name == name);

    internal static TheoryData<string, string> Keys()
    {
        var data = new TheoryData<string, string>();
        foreach ((string id, IReadOnlyList<RuleCase> cases) in ById)
        {
            foreach (RuleCase c in cases)
            {
                data.Add(id, c.Name);
            }
        }

        return data;
    }

    internal static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (string id in ById.Keys)
        {
            data.Add(id);
        }

        return data;
    }
}
