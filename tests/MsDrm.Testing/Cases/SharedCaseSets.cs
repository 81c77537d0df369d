using System.Reflection;

namespace MsDrm.Testing.Cases;

/// <summary>
/// Every case of every set in this folder: each static class here with a public static <c>All</c>
/// list of <see cref="RuleCase"/>, found by reflection so a new set joins every test that asks.
/// </summary>
public static class SharedCaseSets
{
    /// <summary>The cases of every set, sets in name order.</summary>
    public static IEnumerable<RuleCase> EveryCase()
        => typeof(RuleCase).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RuleCase).Namespace && t.IsAbstract && t.IsSealed)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => t.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<IEnumerable<RuleCase>>()
            .SelectMany(cases => cases);
}
