using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Rules;
using MsDrm.Testing;
using MsDrm.Testing.Cases;
using Xunit;

namespace MsDrm.Analyzers.Tests;

/// <summary>
/// Every analyzer of the package (found by reflection, so new rules join automatically) stays
/// silent on the realistic, correct code of the ValidCode folder.
/// </summary>
public sealed class ValidCodeTests
{
    public static TheoryData<string> FileNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in ValidCodeFiles.Names)
        {
            data.Add(name);
        }

        return data;
    }

    internal static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(MSDRM002HresultIgnoredAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static TheoryData<string> HresultCaseNames()
    {
        var data = new TheoryData<string>();
        foreach (RuleCase c in HresultIgnoredCases.All)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Fact]
    public void Folder_has_enough_files()
        => Assert.True(ValidCodeFiles.All.Count >= 12, $"only {ValidCodeFiles.All.Count} files");

    [Fact]
    public void Analyzers_are_found_by_reflection()
    {
        // The shipped set: the rules on DRM calls in one analyzer, and the import rule.
        Assert.Contains(AllAnalyzers(), a => a is DrmCallRulesAnalyzer);
        Assert.Contains(AllAnalyzers(), a => a is MSDRM007ImportDeclarationAnalyzer);
    }

    [Fact]
    public void Every_creating_function_is_used_somewhere()
    {
        string allCode = string.Join("\n", ValidCodeFiles.All.Values);
        string[] missing = DrmApi.Functions.Values
            .Where(f => !f.Created.IsEmpty)
            .Select(f => f.Name)
            .Where(name => !Regex.IsMatch(allCode, @"\b" + name + @"\("))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_same_pipeline_reports_a_dropped_hresult()
    {
        // Guards the silence test against a run that reports nothing at all.
        string source = ValidCodeFiles.Get("HresultHelpers.cs").Replace("_ = Native.DRMRepair();", "Native.DRMRepair();");
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/ValidCode/Broken.cs", source)]),
            AllAnalyzers());
        Assert.Single(run.AnalyzerDiagnostics, d => d.Id == DiagnosticIds.HresultIgnored);
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public async Task No_rule_reports_on_valid_code(string name)
    {
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/ValidCode/" + name, ValidCodeFiles.Get(name))]),
            AllAnalyzers());

        Assert.Empty(run.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Empty(run.Exceptions.Select(e => e.ToString()));
        Assert.Empty(run.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("MSDRM", StringComparison.Ordinal) || d.Id == "AD0001").Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(HresultCaseNames))]
    public async Task Correct_side_of_every_MSDRM002_case_is_silent_for_every_rule(string name)
    {
        CompilationAnalyzerRunner.AnalysisRun run = await CompilationAnalyzerRunner.RunAsync(
            CompilationAnalyzerRunner.Compile([("/Correct.cs", HresultIgnoredCases.Get(name).Correct)]),
            AllAnalyzers());

        Assert.Empty(run.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Empty(run.Exceptions.Select(e => e.ToString()));
        Assert.Empty(run.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("MSDRM", StringComparison.Ordinal) || d.Id == "AD0001").Select(d => d.ToString()));
    }
}
