using MsDrm.Testing.Cases;
using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM007;

/// <summary>Every MSDRM007 case: the Wrong declaration is reported on its name, the Correct twin is silent.</summary>
public sealed class MSDRM007ImportDeclarationTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (RuleCase ruleCase in ImportDeclarationCases.All)
        {
            data.Add(ruleCase.Name);
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_twenty_cases()
        => Assert.True(ImportDeclarationCases.All.Count >= 20, $"only {ImportDeclarationCases.All.Count} cases");

    [Fact]
    public void Every_wrong_case_marks_exactly_one_declaration()
        => Assert.All(ImportDeclarationCases.All, c => Assert.Equal(1, CountOf(c.Wrong, "{|MSDRM007:")));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Wrong_declaration_is_reported(string name)
        => MSDRM007Verifier.VerifyAsync(ImportDeclarationCases.Get(name).Wrong);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Correct_twin_is_silent(string name)
        => MSDRM007Verifier.VerifyAsync(ImportDeclarationCases.Get(name).Correct);

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
