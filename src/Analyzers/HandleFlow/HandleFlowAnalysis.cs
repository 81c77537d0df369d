using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// Entry point of the handle flow: which handles created in an executable body (and in the
/// lambdas and local functions nested in it, each analysed in its own graph) are not closed
/// on every normal path. Every rule about handle lifetimes reads this result.
/// </summary>
internal static class HandleFlowAnalysis
{
    /// <summary>Analyses the graph of one body and the graphs nested in it.</summary>
    /// <param name="graph">The body's control flow graph.</param>
    /// <param name="recognizer">The compilation's API model.</param>
    /// <param name="captured">Variables referenced by nested functions (see <see cref="CapturedVariables"/>).</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    internal static HandleFlowResult Analyze(ControlFlowGraph graph, DrmCallRecognizer recognizer, ISet<ISymbol> captured, CancellationToken cancellationToken)
        => Analyze(graph, recognizer, captured, cancellationToken, out _);

    /// <summary>As <see cref="Analyze(ControlFlowGraph, DrmCallRecognizer, ISet{ISymbol}, CancellationToken)"/>; also gives the solver's work (see <see cref="FlowKeys.Work"/>).</summary>
    internal static HandleFlowResult Analyze(ControlFlowGraph graph, DrmCallRecognizer recognizer, ISet<ISymbol> captured, CancellationToken cancellationToken, out long stateWork)
    {
        // Variables behind an unresolvable ref local are treated like captured ones (they escape).
        var untrackable = new HashSet<ISymbol>(captured, SymbolEqualityComparer.Default);
        RefAliases aliases = RefAliases.Collect(graph.OriginalOperation, untrackable);
        var context = new HandleFlowContext(recognizer, untrackable, aliases, cancellationToken)
        {
            Compilation = graph.OriginalOperation.SemanticModel?.Compilation,
        };
        AnalyzeGraph(graph, context);
        stateWork = context.Keys.Work;
        return context.ToResult();
    }

    /// <summary>
    /// Cheap pre-check: true when the invocation can create a handle (a creating DRM call, or a
    /// runtime method that returns or outputs a wrapper). Bodies without one are never analysed.
    /// </summary>
    internal static bool CanCreateHandle(IInvocationOperation invocation, DrmCallRecognizer recognizer)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (recognizer.GetFunction(method) is { } function)
        {
            return function.Created.Length > 0;
        }

        if (!recognizer.IsRuntimeMethod(method))
        {
            return false;
        }

        if (recognizer.GetWrapperKind(method.ReturnType) is not null)
        {
            return true;
        }

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.RefKind is RefKind.Out or RefKind.Ref && recognizer.GetWrapperKind(parameter.Type) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static void AnalyzeGraph(ControlFlowGraph graph, HandleFlowContext context)
    {
        new FlowSolver(graph, context).Run();

        foreach (IMethodSymbol localFunction in graph.LocalFunctions)
        {
            AnalyzeGraph(graph.GetLocalFunctionControlFlowGraph(localFunction, context.CancellationToken), context);
        }

        foreach (IFlowAnonymousFunctionOperation lambda in FindLambdas(graph))
        {
            AnalyzeGraph(graph.GetAnonymousFunctionControlFlowGraph(lambda, context.CancellationToken), context);
        }
    }

    private static List<IFlowAnonymousFunctionOperation> FindLambdas(ControlFlowGraph graph)
    {
        var lambdas = new List<IFlowAnonymousFunctionOperation>();
        foreach (BasicBlock block in graph.Blocks)
        {
            foreach (IOperation operation in block.Operations)
            {
                Collect(operation, lambdas);
            }

            if (block.BranchValue is { } branchValue)
            {
                Collect(branchValue, lambdas);
            }
        }

        return lambdas;
    }

    private static void Collect(IOperation root, List<IFlowAnonymousFunctionOperation> lambdas)
    {
        foreach (IOperation operation in OperationWalker.DescendantsAndSelf(root))
        {
            if (operation is IFlowAnonymousFunctionOperation lambda)
            {
                lambdas.Add(lambda);
            }
        }
    }
}
