using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Imports;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// MSDRM007: an msdrm.dll import (<c>[DllImport]</c> extern or <c>[LibraryImport]</c> partial, any
/// library name, recognised by entry point) declared so the call cannot work. A symbol action on
/// methods: it never looks at a body, and a method that is not an import costs one flag test.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MSDRM007ImportDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ImportDeclaration);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var checker = ImportDeclarationChecker.Create(start.Compilation, DrmCallRecognizer.For(start.Compilation));
            start.RegisterSymbolAction(symbol => Analyze(symbol, checker), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, ImportDeclarationChecker checker)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!method.IsExtern && !method.IsPartialDefinition)
        {
            return;
        }

        if (checker.Check(method, context.CancellationToken) is not { Mismatches.IsEmpty: false } import
            || method.Locations.FirstOrDefault() is not { IsInSource: true } location)
        {
            return;
        }

        string kinds = string.Join(",", import.Mismatches.Select(m => m.Kind.ToString()).Distinct());
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.ImportDeclaration,
            location,
            ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Mismatches, kinds)
                .Add(DiagnosticProperties.Function, import.Function.Name),
            method.Name,
            import.Function.Name,
            string.Join("; ", import.Mismatches.Select(m => m.Text))));
    }
}
