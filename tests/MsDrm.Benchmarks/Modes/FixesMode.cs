using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MsDrm.Benchmarks.Corpus;
using MsDrm.Benchmarks.Measuring;
using MsDrm.CodeFixes;
using MsDrm.Testing;

namespace MsDrm.Benchmarks.Modes;

/// <summary>
/// --fixes: what opening the light bulb costs. The corpus goes into an AdhocWorkspace, our
/// analyzers find every MSDRM001/MSDRM002 diagnostic, and each diagnostic's
/// <see cref="CodeFixProvider.RegisterCodeFixesAsync"/> is timed alone (median and max), the way
/// an IDE asks for the fixes of one line. Computing an action's edit is not part of it.
/// </summary>
internal static class FixesMode
{
    private static readonly CodeFixProvider[] Providers = [new MSDRM001HandleNotClosedCodeFixProvider(), new MSDRM002HresultIgnoredCodeFixProvider()];

    internal static async Task<bool> RunAsync(BenchOptions options)
    {
        using var workspace = new AdhocWorkspace();
        Project project = CreateProject(workspace, CorpusGenerator.Generate(options.Files));
        Compilation compilation = (await project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = (await compilation
                .WithAnalyzers(AnalyzerCatalog.Ours().Analyzers)
                .GetAnalyzerDiagnosticsAsync())
            .Where(d => Providers.Any(p => p.FixableDiagnosticIds.Contains(d.Id)) && d.Location.IsInSource)
            .ToImmutableArray();
        Console.WriteLine($"Generated {options.Files:N0} files (seed {CorpusGenerator.Seed}); {diagnostics.Length} fixable diagnostic(s).");

        int rounds = options.RoundsOr(3);
        Console.WriteLine(options.Verbose ? "Each member bound before its registration is timed (--verbose)." : "Cold: each registration binds what it needs.");
        for (int round = -options.Warmup; round < rounds; round++)
        {
            var times = new Dictionary<string, List<double>>();
            int withoutFix = 0;
            foreach (Diagnostic diagnostic in diagnostics)
            {
                Document document = project.GetDocument(diagnostic.Location.SourceTree!)!;
                // --verbose: bind the member first through the document's own semantic model, as the
                // IDE has when the light bulb opens (the squiggle and other providers on the line
                // share it), so the figure is the fixes' own work.
                SemanticModel? bound = options.Verbose ? await BindMemberAsync(document, diagnostic) : null;
                (double ms, int actions) = await TimeRegistrationAsync(document, diagnostic);
                GC.KeepAlive(bound);
                withoutFix += actions == 0 ? 1 : 0;
                (times.TryGetValue(diagnostic.Id, out var list) ? list : times[diagnostic.Id] = new List<double>()).Add(ms);
            }

            if (round < 0)
            {
                continue;
            }

            foreach (var (id, list) in times.OrderBy(t => t.Key))
            {
                Console.WriteLine($"round {round + 1}: {id} RegisterCodeFixesAsync over {list.Count} diagnostics: median {Statistics.Median(list):F2} ms, max {list.Max():F2} ms, total {list.Sum():F0} ms");
            }

            var all = times.Values.SelectMany(v => v).ToList();
            Console.WriteLine($"round {round + 1}: all: median {Statistics.Median(all):F2} ms, max {all.Max():F2} ms; {withoutFix} diagnostic(s) without an offered fix");
        }

        return true;
    }

    private static async Task<SemanticModel> BindMemberAsync(Document document, Diagnostic diagnostic)
    {
        SemanticModel model = (await document.GetSemanticModelAsync())!;
        SyntaxNode member = (await document.GetSyntaxRootAsync())!.FindNode(diagnostic.Location.SourceSpan)
            .AncestorsAndSelf().First(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax);
        _ = model.GetOperation(member);
        foreach (SyntaxNode node in member.DescendantNodes())
        {
            _ = model.GetSymbolInfo(node);
        }

        return model;
    }

    private static async Task<(double Ms, int Actions)> TimeRegistrationAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var stopwatch = Stopwatch.StartNew();
        foreach (CodeFixProvider provider in Providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        stopwatch.Stop();
        return (stopwatch.Elapsed.TotalMilliseconds, actions.Count);
    }

    private static Project CreateProject(AdhocWorkspace workspace, IReadOnlyList<CorpusFile> files)
    {
        var info = ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), "Corpus", "Corpus", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: TestReferences.Net80WithRuntime);
        Solution solution = workspace.CurrentSolution.AddProject(info);
        foreach (CorpusFile file in files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(info.Id), file.Name, SourceText.From(file.Text), filePath: file.Name);
        }

        workspace.TryApplyChanges(solution);
        return workspace.CurrentSolution.GetProject(info.Id)!;
    }
}
