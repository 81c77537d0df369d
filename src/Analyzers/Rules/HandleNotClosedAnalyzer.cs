using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.HandleFlow;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// MSDRM001: a handle created by an msdrm.dll function (or a runtime wrapper) is not closed on
/// every path. Thin: the handle flow finds the leaks, this turns them into diagnostics.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandleNotClosedAnalyzer : DrmBlockAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.HandleNotClosed);

    /// <inheritdoc />
    private protected override void OnBlockStart(OperationBlockStartAnalysisContext context, DrmCallRecognizer recognizer)
    {
        // Cheap first pass: only bodies that call something creating a handle get a graph.
        var createsHandle = new Flag();
        context.RegisterOperationAction(
            operation =>
            {
                if (!createsHandle.IsSet && HandleFlowAnalysis.CanCreateHandle((IInvocationOperation)operation.Operation, recognizer))
                {
                    createsHandle.Set();
                }
            },
            OperationKind.Invocation);
        context.RegisterOperationBlockEndAction(end =>
        {
            if (createsHandle.IsSet)
            {
                AnalyzeBlock(end, recognizer);
            }
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, DrmCallRecognizer recognizer)
    {
        var analysed = new HashSet<IOperation>();
        foreach (IOperation block in context.OperationBlocks)
        {
            IOperation root = Root(block);
            if (!IsExecutableBody(root) || !analysed.Add(root))
            {
                // Field/property initialisers: whatever they create is stored in a member (escapes).
                continue;
            }

            HandleFlowResult result;
            try
            {
                HashSet<ISymbol> captured = CapturedVariables.Collect(new[] { root });
                result = HandleFlowAnalysis.Analyze(context.GetControlFlowGraph(block), recognizer, captured, context.CancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Broken or unexpected code: report nothing rather than fail the build with AD0001.
                continue;
            }

            foreach (LeakedHandle leak in result.Leaks)
            {
                context.ReportDiagnostic(CreateDiagnostic(leak));
            }
        }
    }

    /// <summary>The outermost operation of a block: a method's body block hangs under its IMethodBodyOperation.</summary>
    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    private static bool IsExecutableBody(IOperation root)
        => root.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block;

    private static Diagnostic CreateDiagnostic(LeakedHandle leak)
    {
        string variable = leak.Variable ?? leak.Invocation.Syntax.ToString();
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Kind, leak.KindName)
            .Add(DiagnosticProperties.CloseFunction, leak.CloseFunction)
            .Add(DiagnosticProperties.SafeHandleType, leak.SafeHandleType)
            .Add(DiagnosticProperties.Variable, leak.Variable is null or "_" ? string.Empty : leak.Variable)
            .Add(DiagnosticProperties.IsWrapper, leak.IsWrapper ? "true" : "false")
            .Add(DiagnosticProperties.Function, leak.Function)
            .Add(DiagnosticProperties.SuccessConditional, leak.SuccessConditional ? "true" : "false");
        return Diagnostic.Create(
            Descriptors.HandleNotClosed,
            leak.Invocation.Syntax.GetLocation(),
            properties,
            variable,
            leak.Function,
            leak.IsWrapper ? "Dispose" : leak.CloseFunction);
    }

    /// <summary>A flag set from concurrent operation actions.</summary>
    private sealed class Flag
    {
        private int value;

        internal bool IsSet => Volatile.Read(ref value) != 0;

        internal void Set() => Volatile.Write(ref value, 1);
    }
}
