using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MsDrm.Testing;

namespace MsDrm.Roslyn48.Tests.Infrastructure;

/// <summary>
/// A markup-checked analyzer test on the shipped Roslyn: C# with the .NET 8 references, the runtime
/// wrapper and the user's Native.cs declarations, running the analyzers it is given. Compiler errors
/// fail the test, so every case must also compile on this compiler.
/// </summary>
public sealed class ShippedRoslynAnalyzerTest : AnalyzerTest<DefaultVerifier>
{
    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;

    /// <summary>A test of <paramref name="source"/> (with markup) against <paramref name="analyzers"/>.</summary>
    public ShippedRoslynAnalyzerTest(string source, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        this.analyzers = analyzers;
        ReferenceAssemblies = new ReferenceAssemblies("net8.0");
        TestCode = source;
        TestState.AdditionalReferences.AddRange(Net80References.Net80WithRuntime);
        TestState.Sources.Add((DrmDeclarations.FileName, DrmDeclarations.Source));
    }

    /// <inheritdoc />
    public override string Language => LanguageNames.CSharp;

    /// <inheritdoc />
    protected override string DefaultFileExt => "cs";

    /// <inheritdoc />
    protected override CompilationOptions CreateCompilationOptions()
        => new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true);

    /// <inheritdoc />
    protected override ParseOptions CreateParseOptions()
        => new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <inheritdoc />
    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => analyzers;
}
