using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using MsDrm.Analyzers;
using MsDrm.Testing;

namespace MsDrm.CodeFixes.Tests;

/// <summary>
/// The providers never throw: diagnostics at every invocation of broken or unusual code, with
/// every property combination, either get a fix that applies or none.
/// </summary>
public class FixRobustnessTests
{
    private static readonly string[] Sources =
    [
        "class C { void M(uint s) { Native.DRMDuplicateSession(s, out uint c) if (",
        "class C { int P => Native.DRMDuplicateSession(1, out uint c); uint Q { get => Native.DRMDuplicateSession(1, out uint d) > 0 ? d : 0; } }",
        "class C { void M(uint s) { while (Native.DRMDuplicateSession(s, out uint c) < 0) { } for (; Native.DRMRepair() < 0; Native.DRMRepair()) { } } }",
        "class C { System.Func<int> F(uint s) => () => Native.DRMDuplicateSession(s, out uint c); }",
        "class C { void M(uint s) { label: Native.DRMDuplicateSession(s, out uint c); goto label; } }",
        "class C { void M(uint s) { switch (s) { case 1: Native.DRMDuplicateSession(s, out var c); break; } } }",
        "class C { void M(uint s) { var x = new { A = Native.DRMDuplicateSession(s, out uint c) }; System.Console.WriteLine(x); } }",
    ];

    [Fact]
    public async Task EveryInvocation_EveryPropertySet_NoException()
    {
        CodeFixProvider[] providers = [new MSDRM001HandleNotClosedCodeFixProvider(), new MSDRM002HresultIgnoredCodeFixProvider()];
        int attempts = 0;
        foreach (string source in Sources)
        {
            using var workspace = new AdhocWorkspace();
            Project project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(), VersionStamp.Create(), "P", "P", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: TestReferences.Net80WithRuntime));
            Document document = workspace.AddDocument(project.Id, "Test.cs", SourceText.From(source));
            workspace.AddDocument(project.Id, DrmDeclarations.FileName, SourceText.From(DrmDeclarations.Source));
            document = workspace.CurrentSolution.GetDocument(document.Id)!;
            SyntaxNode root = (await document.GetSyntaxRootAsync())!;

            foreach (SyntaxNode node in root.DescendantNodes().Where(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax))
            {
                foreach (var properties in PropertySets())
                {
                    foreach (CodeFixProvider provider in providers)
                    {
                        string id = provider.FixableDiagnosticIds[0];
                        var descriptor = new DiagnosticDescriptor(id, "t", "m", "c", DiagnosticSeverity.Warning, true);
                        var diagnostic = Diagnostic.Create(descriptor, Location.Create(root.SyntaxTree, node.Span), properties);
                        var actions = new List<CodeAction>();
                        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                        foreach (CodeAction action in actions)
                        {
                            _ = await action.GetOperationsAsync(CancellationToken.None);
                        }

                        FixAllProvider fixAll = provider.GetFixAllProvider()!;
                        attempts++;
                        Assert.NotNull(fixAll);
                    }
                }
            }
        }

        Assert.True(attempts > 0);
    }

    private static IEnumerable<ImmutableDictionary<string, string?>> PropertySets()
    {
        foreach (string wrapper in new[] { "true", "false" })
        {
            foreach (string conditional in new[] { "true", "false" })
            {
                foreach (string variable in new[] { "c", "", "missing" })
                {
                    yield return ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticProperties.Kind, "Session")
                        .Add(DiagnosticProperties.Variable, variable)
                        .Add(DiagnosticProperties.IsWrapper, wrapper)
                        .Add(DiagnosticProperties.SuccessConditional, conditional)
                        .Add(DiagnosticProperties.Function, "DRMDuplicateSession");
                }
            }
        }

        yield return ImmutableDictionary<string, string?>.Empty;
    }
}
