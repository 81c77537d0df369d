using System.Collections.Immutable;
using MsDrm.Testing.Cases;

namespace MsDrm.Roslyn48.Tests.Infrastructure;

/// <summary>One shared rule case and the rule ids its Wrong source marks.</summary>
/// <param name="Key">Case set and name, unique: <c>HandleNotClosedCases/Name</c>.</param>
/// <param name="Case">The case itself.</param>
/// <param name="RuleIds">The ids in the Wrong source's <c>{|MSDRMnnn:...|}</c> markup.</param>
public sealed record SharedRuleCase(string Key, RuleCase Case, ImmutableArray<string> RuleIds);
