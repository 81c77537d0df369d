using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Imports;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// MSDRM007: an msdrm.dll import (<c>[DllImport]</c> extern or <c>[LibraryImport]</c> partial, any
/// library name, recognised by entry point) declared so the call cannot work. A symbol action on
/// types (and an operation action on extern local functions): it never looks at a body, and a
/// method that is not an import costs one flag test. One callback per type rather than per method:
/// the driver's own cost per callback was most of this rule's time.
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
            start.RegisterSymbolAction(symbol => AnalyzeMembers((INamedTypeSymbol)symbol.Symbol, checker, symbol.ReportDiagnostic, symbol.CancellationToken), SymbolKind.NamedType);

            // `static extern` local functions are imports too, but no symbol action sees them.
            start.RegisterOperationAction(
                operation => Analyze(((ILocalFunctionOperation)operation.Operation).Symbol, checker, operation.ReportDiagnostic, operation.CancellationToken),
                OperationKind.LocalFunction);
        });
    }

    /// <summary>The type's own methods (nested types get their own callback).</summary>
    private static void AnalyzeMembers(INamedTypeSymbol type, ImportDeclarationChecker checker, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            if (member is IMethodSymbol method)
            {
                Analyze(method, checker, report, cancellationToken);
            }
        }
    }

    private static void Analyze(IMethodSymbol method, ImportDeclarationChecker checker, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (!method.IsExtern && !method.IsPartialDefinition)
        {
            return;
        }

        if (checker.Check(method, cancellationToken) is not { Mismatches.IsEmpty: false } import
            || method.Locations.FirstOrDefault() is not { IsInSource: true } location)
        {
            return;
        }

        string kinds = string.Join(",", import.Mismatches.Select(m => m.Kind.ToString()).Distinct());
        report(Diagnostic.Create(
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
