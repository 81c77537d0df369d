using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using MsDrm.Analyzers.Rules;
using MsDrm.Testing;

namespace MsDrm.CodeFixes.Tests.MSDRM007;

/// <summary>
/// MSDRM007 code-fix test: the shared references and Native.cs, unsafe code allowed. The framework
/// checks that the fixed code compiles and runs Fix All in document, project and solution scope.
/// </summary>
public sealed class MSDRM007FixTest : CSharpCodeFixTest<MSDRM007ImportDeclarationAnalyzer, MSDRM007ImportDeclarationCodeFixProvider, DefaultVerifier>
{
    public MSDRM007FixTest(string source, string fixedSource, string? equivalenceKey)
    {
        ReferenceAssemblies = TestReferences.None;
        TestCode = source;
        FixedCode = fixedSource;
        CodeActionEquivalenceKey = equivalenceKey;
        TestState.AdditionalReferences.AddRange(TestReferences.Net80WithRuntime);
        TestState.Sources.Add((DrmDeclarations.FileName, DrmDeclarations.Source));
        FixedState.Sources.Add((DrmDeclarations.FileName, DrmDeclarations.Source));
        SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithAllowUnsafe(true));
        });
    }

    public static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null)
        => new MSDRM007FixTest(source, fixedSource, equivalenceKey).RunAsync(CancellationToken.None);

    /// <summary>Like <see cref="VerifyAsync"/>, for a fix that leaves the diagnostic (other kinds remain): markup in the fixed code counts.</summary>
    public static Task VerifyPartialAsync(string source, string fixedSource, string equivalenceKey)
    {
        var test = new MSDRM007FixTest(source, fixedSource, equivalenceKey);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The equivalence keys of the actions offered for the one MSDRM007 in <paramref name="source"/>.</summary>
    public static async Task<string[]> OfferedKeysAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), "Test", "Test", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: TestReferences.Net80WithRuntime));
        Document document = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source));
        workspace.AddDocument(project.Id, DrmDeclarations.FileName, SourceText.From(DrmDeclarations.Source));
        document = workspace.CurrentSolution.GetDocument(document.Id)!;

        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MSDRM007ImportDeclarationAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        Diagnostic diagnostic = Assert.Single(diagnostics);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new MSDRM007ImportDeclarationCodeFixProvider().RegisterCodeFixesAsync(context);
        return actions.Select(a => a.EquivalenceKey ?? string.Empty).ToArray();
    }
}
