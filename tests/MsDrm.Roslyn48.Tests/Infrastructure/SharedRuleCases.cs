using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using MsDrm.Testing.Cases;

namespace MsDrm.Roslyn48.Tests.Infrastructure;

/// <summary>
/// Every case set linked from tests/MsDrm.Testing/Cases: each static class there with a public
/// static <c>All</c> list of <see cref="RuleCase"/>, found by reflection so new sets join the leg.
/// </summary>
public static partial class SharedRuleCases
{
    private static readonly Lazy<ImmutableArray<SharedRuleCase>> LazyAll = new(Find);

    /// <summary>Every case of every set, in a stable order.</summary>
    public static ImmutableArray<SharedRuleCase> All => LazyAll.Value;

    /// <summary>The case with this key.</summary>
    public static SharedRuleCase Get(string key) => All.Single(c => c.Key == key);

    /// <summary>Keys of every case, as theory data.</summary>
    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (SharedRuleCase ruleCase in All)
        {
            data.Add(ruleCase.Key);
        }

        return data;
    }

    /// <summary>The source without its diagnostic markup.</summary>
    public static string StripMarkup(string source) => AnyMarkupStart().Replace(source, string.Empty).Replace("|}", string.Empty);

    private static ImmutableArray<SharedRuleCase> Find()
    {
        var cases = ImmutableArray.CreateBuilder<SharedRuleCase>();
        IEnumerable<Type> sets = typeof(RuleCase).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RuleCase).Namespace && t.IsAbstract && t.IsSealed)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (Type set in sets)
        {
            PropertyInfo? all = set.GetProperty("All", BindingFlags.Public | BindingFlags.Static);
            if (all?.GetValue(null) is not IEnumerable<RuleCase> setCases)
            {
                continue;
            }

            foreach (RuleCase ruleCase in setCases)
            {
                var ids = MarkupStart().Matches(ruleCase.Wrong).Select(m => m.Groups["id"].Value).Where(id => id[0] != '#').Distinct().Order(StringComparer.Ordinal);
                cases.Add(new SharedRuleCase(set.Name + "/" + ruleCase.Name, ruleCase, ids.ToImmutableArray()));
            }
        }

        return cases.ToImmutable();
    }

    // {|MSDRM003:...|} marks a diagnostic, {|#1:...|} an additional location: both are stripped, only the first names an id.
    [GeneratedRegex(@"\{\|(?<id>#?[A-Za-z0-9]+):")]
    private static partial Regex MarkupStart();

    /// <summary>A diagnostic's markup or an additional location's (<c>{|#1:</c>).</summary>
    [GeneratedRegex(@"\{\|#?[A-Za-z0-9]+:")]
    private static partial Regex AnyMarkupStart();
}
