using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.HresultFlow;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// MSDRM002: the HRESULT of an msdrm.dll call is dropped, either as a bare expression statement or
/// as a store into a local that is overwritten or goes out of scope before any read.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HresultIgnoredAnalyzer : DrmBlockAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.HresultIgnored);

    /// <inheritdoc />
    private protected override void OnBlockStart(OperationBlockStartAnalysisContext context, DrmCallRecognizer recognizer)
    {
        // Stores into locals wait for the block's end, where one control flow graph answers them all.
        var stores = new List<PendingStore>();
        context.RegisterOperationAction(
            operation => AnalyzeInvocation(operation, recognizer, stores),
            OperationKind.Invocation);
        context.RegisterOperationBlockEndAction(end =>
        {
            lock (stores)
            {
                // Built once per operation tree, and only for stores the next statement does not read.
                var capturesByRoot = new Dictionary<IOperation, CapturedLocals>();
                CapturedLocals CapturesOf(IOperation invocation)
                {
                    IOperation root = RootOf(invocation);
                    if (!capturesByRoot.TryGetValue(root, out CapturedLocals? captures))
                    {
                        captures = new CapturedLocals(root);
                        capturesByRoot.Add(root, captures);
                    }

                    return captures;
                }

                foreach (PendingStore store in stores)
                {
                    if (IsDropped(end, store, CapturesOf))
                    {
                        end.ReportDiagnostic(CreateDiagnostic(store.Invocation, store.Function));
                    }
                }
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, DrmCallRecognizer recognizer, List<PendingStore> stores)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (recognizer.GetFunction(invocation.TargetMethod) is not { } function
            || !ReturnsHresult(invocation.TargetMethod)
            || (function.IsClose && !AnalyzerOptionsReader.CheckCloseResults(context.Options, invocation.Syntax.SyntaxTree)))
        {
            return;
        }

        HresultUse use = HresultUseClassifier.Classify(invocation);
        switch (use.Kind)
        {
            case HresultUseKind.Statement:
                context.ReportDiagnostic(CreateDiagnostic(invocation, function));
                break;
            case HresultUseKind.StoredInLocals:
                lock (stores)
                {
                    stores.Add(new PendingStore(invocation, function, use.Locals));
                }

                break;
        }
    }

    /// <summary>
    /// An HRESULT is an integer (or an enum over one, as some declarations spell it); methods returning
    /// anything else (void, a wrapper) have none to drop.
    /// </summary>
    private static bool ReturnsHresult(IMethodSymbol method)
    {
        ITypeSymbol type = method.ReturnType is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying }
            ? underlying
            : method.ReturnType;
        return type.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64;
    }

    /// <summary>True when every local the HRESULT went into loses it on some path before a read.</summary>
    private static bool IsDropped(OperationBlockAnalysisContext context, PendingStore store, Func<IOperation, CapturedLocals> capturesOf)
    {
        foreach (ILocalSymbol local in store.Locals)
        {
            if (ImmediateRead.IsReadByNextStatement(store.Invocation, local))
            {
                return false;
            }
        }

        CapturedLocals captures = capturesOf(store.Invocation);
        foreach (ILocalSymbol local in store.Locals)
        {
            if (captures.IsSharedWithOtherFunction(store.Invocation, local) || captures.IsRefExposed(local))
            {
                return false;
            }
        }

        if (GetGraph(context, store.Invocation.Syntax) is not { } graph
            || !ControlFlowGraphLocator.TryFind(graph, store.Invocation.Syntax, context.CancellationToken, out FlowPosition position))
        {
            return false;
        }

        foreach (ILocalSymbol local in store.Locals)
        {
            if (!DeadStoreAnalysis.IsDeadOnSomePath(position, local))
            {
                return false;
            }
        }

        return true;
    }

    private static IOperation RootOf(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static ControlFlowGraph? GetGraph(OperationBlockAnalysisContext context, SyntaxNode syntax)
    {
        foreach (IOperation block in context.OperationBlocks)
        {
            if (block.Syntax.SyntaxTree == syntax.SyntaxTree && block.Syntax.Span.Contains(syntax.Span))
            {
                try
                {
                    return context.GetControlFlowGraph(block);
                }
                catch (ArgumentException)
                {
                    // A block kind without a control flow graph: no dead-store verdict, no report.
                    return null;
                }
            }
        }

        return null;
    }

    private static Diagnostic CreateDiagnostic(IInvocationOperation invocation, DrmFunction function)
    {
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Function, function.Name)
            .Add(DiagnosticProperties.IsClose, function.IsClose ? "true" : "false");
        return Diagnostic.Create(Descriptors.HresultIgnored, invocation.Syntax.GetLocation(), properties, function.Name);
    }

    private sealed class PendingStore
    {
        internal PendingStore(IInvocationOperation invocation, DrmFunction function, ImmutableArray<ILocalSymbol> locals)
        {
            Invocation = invocation;
            Function = function;
            Locals = locals;
        }

        internal IInvocationOperation Invocation { get; }

        internal DrmFunction Function { get; }

        internal ImmutableArray<ILocalSymbol> Locals { get; }
    }
}
