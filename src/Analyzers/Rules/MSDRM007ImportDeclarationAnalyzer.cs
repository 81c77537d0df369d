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
            start.RegisterSymbolAction(symbol => AnalyzeMembers(symbol, checker), SymbolKind.NamedType);

            // `static extern` local functions are imports too, but no symbol action sees them.
            start.RegisterOperationAction(
                operation =>
                {
                    if (Diagnose(((ILocalFunctionOperation)operation.Operation).Symbol, checker, operation.CancellationToken) is { } diagnostic)
                    {
                        operation.ReportDiagnostic(diagnostic);
                    }
                },
                OperationKind.LocalFunction);
        });
    }

    /// <summary>The type's own methods (nested types get their own callback).</summary>
    /// <remarks>Reports through the context itself: a delegate to its <c>ReportDiagnostic</c> boxed it once per type.</remarks>
    private static void AnalyzeMembers(SymbolAnalysisContext context, ImportDeclarationChecker checker)
    {
        foreach (ISymbol member in ((INamedTypeSymbol)context.Symbol).GetMembers())
        {
            if (member is IMethodSymbol method && Diagnose(method, checker, context.CancellationToken) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    private static Diagnostic? Diagnose(IMethodSymbol method, ImportDeclarationChecker checker, CancellationToken cancellationToken)
    {
        if (!method.IsExtern && !method.IsPartialDefinition)
        {
            return null;
        }

        if (checker.Check(method, cancellationToken) is not { Mismatches.IsEmpty: false } import
            || method.Locations.FirstOrDefault() is not { IsInSource: true } location)
        {
            return null;
        }

        string kinds = string.Join(",", import.Mismatches.Select(m => m.Kind.ToString()).Distinct());
        return Diagnostic.Create(
            Descriptors.ImportDeclaration,
            location,
            ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Mismatches, kinds)
                .Add(DiagnosticProperties.Function, import.Function.Name),
            method.Name,
            import.Function.Name,
            string.Join("; ", import.Mismatches.Select(m => m.Text)));
    }
}
