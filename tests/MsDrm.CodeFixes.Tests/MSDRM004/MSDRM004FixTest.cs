using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MsDrm.Analyzers;
using MsDrm.Analyzers.Rules;
using MsDrm.CodeFixes.Tests.Infrastructure;
using MsDrm.Testing;

namespace MsDrm.CodeFixes.Tests.MSDRM004;

/// <summary>
/// MSDRM004 code-fix test: the shared references and Native.cs. The framework checks that the fixed code
/// compiles and has no MSDRM004 left, and runs Fix All in document, project and solution scope.
/// </summary>
public sealed class MSDRM004FixTest : CSharpCodeFixTest<MSDRM004WrongCloseFunctionAnalyzer, MSDRM004WrongCloseFunctionCodeFixProvider, DefaultVerifier>
{
    public MSDRM004FixTest(string source, string fixedSource)
    {
        ReferenceAssemblies = TestReferences.None;
        TestCode = source;
        FixedCode = fixedSource;
        TestState.AdditionalReferences.AddRange(TestReferences.Net80WithRuntime);
        TestState.Sources.Add((DrmDeclarations.FileName, DrmDeclarations.Source));
        FixedState.Sources.Add((DrmDeclarations.FileName, DrmDeclarations.Source));
    }

    public static Task VerifyAsync(string source, string fixedSource)
        => new MSDRM004FixTest(source, fixedSource).RunAsync(CancellationToken.None);

    /// <summary>A case's Wrong with only its MSDRM004 markup (the other rules' and the numbered locations' removed).</summary>
    public static string KeepOnlyWrongCloseMarkup(string wrong)
    {
        string withoutOthers = Regex.Replace(wrong, @"\{\|(?!MSDRM004:)#?[A-Za-z0-9]+:((?:(?!\|\}).)*)\|\}", "$1", RegexOptions.Singleline);
        return withoutOthers;
    }

    /// <summary>The titles of the fixes offered for each MSDRM004 diagnostic of <paramref name="source"/>.</summary>
    public static async Task<List<string>> OfferedTitlesAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        Document document = FixContract.CreateDocument(workspace, source, withRuntime: true);
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MSDRM004WrongCloseFunctionAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        Assert.NotEmpty(diagnostics.Where(d => d.Id == DiagnosticIds.WrongCloseFunction));

        var actions = new List<CodeAction>();
        foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Id == DiagnosticIds.WrongCloseFunction))
        {
            await new MSDRM004WrongCloseFunctionCodeFixProvider().RegisterCodeFixesAsync(
                new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        return actions.Select(a => a.Title).ToList();
    }
}
