using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.Tests.MSDRM003to006;
using MsDrm.Testing.Cases;
using Xunit;

namespace MsDrm.Analyzers.Tests.MSDRM001;

/// <summary>
/// docs/rules/MSDRM001.md, "Where the handle is lost": each diagnostic's additional locations are the
/// point where the nearest leaking path loses the handle, the success test, and the DRM call inside a
/// helper; the message ends with the lost point's line, and each location's meaning is in the
/// diagnostic's properties (the SARIF log has no message for related locations).
/// </summary>
public sealed class MSDRM001LostPointTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static TheoryData<string> Names() => LifetimeRuleRun.Names(MSDRM001LostPointCases.All.Select(c => new RuleCase(c.Name, c.Wrong, c.Correct)));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Wrong_shows_where_the_handle_is_lost(string name)
    {
        MSDRM001LostPointCases.Case lostCase = MSDRM001LostPointCases.All.Single(c => c.Name == name);
        MarkedSource wrong = CaseMarkup.Parse(lostCase.Wrong);
        ImmutableArray<Diagnostic> reported = await LifetimeRuleRun.DiagnosticsAsync(wrong.Source, "MSDRM001");

        Diagnostic diagnostic = Assert.Single(reported);
        Assert.Equal(wrong.Diagnostics.Single().Span, diagnostic.Location.SourceSpan);
        Assert.Equal(
            wrong.AdditionalLocations.Select(a => $"{a.Label} {a.Span} '{wrong.TextOf(a)}'"),
            diagnostic.AdditionalLocations.Select((l, i) => $"{wrong.AdditionalLocations.ElementAtOrDefault(i)?.Label} {l.SourceSpan} '{wrong.Source.Substring(l.SourceSpan.Start, l.SourceSpan.Length)}'"));

        int line = LineOf(wrong.Source, wrong.AdditionalLocations.Single(a => a.Label == "#1").Span.Start);
        string explanation = lostCase.Explanation.Replace("{line}", line.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.EndsWith($" on every path ({explanation})", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // One meaning per additional location, in order, in the properties SARIF carries.
        Assert.Equal(
            Enumerable.Range(0, diagnostic.AdditionalLocations.Count).Select(i => "RelatedLocation" + i),
            diagnostic.Properties.Keys.Where(k => k.StartsWith("RelatedLocation", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(diagnostic.Properties.Where(p => p.Key.StartsWith("RelatedLocation", StringComparison.Ordinal)), p => Assert.False(string.IsNullOrWhiteSpace(p.Value)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Correct_is_silent(string name)
    {
        MSDRM001LostPointCases.Case lostCase = MSDRM001LostPointCases.All.Single(c => c.Name == name);
        string source = CaseMarkup.Parse(lostCase.Correct).Source;
        foreach (string id in new[] { "MSDRM001", "MSDRM002", "MSDRM003", "MSDRM004", "MSDRM005", "MSDRM006", "MSDRM007" })
        {
            Assert.Empty((await LifetimeRuleRun.DiagnosticsAsync(source, id)).Select(d => d.ToString()));
        }
    }

    [Fact]
    public void There_are_at_least_25_cases_with_unique_names()
    {
        Assert.True(MSDRM001LostPointCases.All.Count >= 25, $"{MSDRM001LostPointCases.All.Count} cases");
        Assert.Equal(MSDRM001LostPointCases.All.Count, MSDRM001LostPointCases.All.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public async Task The_same_code_always_gets_the_same_points()
    {
        // Every case in one compilation plus one method where many handles leak on many paths,
        // analysed eight times at once (concurrent execution): every run must say the same.
        var sources = MSDRM001LostPointCases.All
            .Select((c, i) => ($"/Case{i}.cs", CaseMarkup.Parse(c.Wrong).Source.Replace("class Program", "class Program" + i, StringComparison.Ordinal)))
            .Append(("/Many.cs", ManyLeaks(40)))
            .ToArray();
        string[] runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => DescribeAsync(sources))));

        output.WriteLine(runs[0]);
        Assert.Contains("still open at the return on line", runs[0], StringComparison.Ordinal);
        Assert.All(runs, run => Assert.Equal(runs[0], run));
    }

    private static async Task<string> DescribeAsync((string Path, string Source)[] sources)
    {
        var run = await MsDrm.Testing.CompilationAnalyzerRunner.RunAsync(MsDrm.Testing.CompilationAnalyzerRunner.Compile(sources), ValidCodeTests.AllAnalyzers());
        return string.Join("\n", run.AnalyzerDiagnostics
            .Where(d => d.Id == "MSDRM001")
            .Select(d => $"{d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} [{string.Join("; ", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()))}]")
            .Order(StringComparer.Ordinal));
    }

    /// <summary>One method creating <paramref name="count"/> sessions, each leaking through returns, a loop and an overwrite at several depths.</summary>
    private static string ManyLeaks(int count)
    {
        var body = new System.Text.StringBuilder();
        for (int i = 0; i < count; i++)
        {
            body.Append($"        if (Native.DRMDuplicateSession(session, out uint h{i}) < 0) return;\n");
            body.Append((i % 4) switch
            {
                0 => $"        if (n > {i}) return;\n",
                1 => $"        while (n-- > {i}) {{ if (n == {i}) return; }}\n",
                2 => $"        if (n == {i}) {{ if (items.Length > {i}) return; }} else {{ h{i} = 0; }}\n",
                _ => $"        switch (n) {{ case {i}: return; default: break; }}\n",
            });
        }

        for (int i = 0; i < count; i++)
        {
            body.Append($"        if (n > {i * 2}) Native.DRMCloseSession(h{i});\n");
        }

        return Spec.SpecPrograms.Usings + "internal static class Many\n{\n    private static void Run(uint session, int n, int[] items)\n    {\n" + body + "    }\n}\n";
    }

    private static int LineOf(string source, int position) => source.Take(position).Count(c => c == '\n') + 1;
}
