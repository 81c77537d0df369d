using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.Summaries;

/// <summary>
/// The one body a call binds to, when it binds to one: static, private, sealed or non-virtual
/// methods and local functions with source. Virtual, abstract and interface methods, extern and
/// partial methods without an implementation, async methods and iterators have none (their calls
/// keep the meaning of a call to an unknown method).
/// </summary>
internal sealed class SummaryBody
{
    private readonly SemanticModel model;
    private VariableSharing? sharing;

    private SummaryBody(IMethodSymbol method, IOperation body, IOperation root, SemanticModel model)
    {
        Method = method;
        Body = body;
        Root = root;
        this.model = model;
    }

    internal IMethodSymbol Method { get; }

    /// <summary>The method's own operation: its body, or the local function's declaration.</summary>
    internal IOperation Body { get; }

    /// <summary>The operation tree of the method's body (for a local function, of its enclosing member).</summary>
    internal IOperation Root { get; }

    /// <summary>The variable sharing of <see cref="Root"/> (walked on first use).</summary>
    internal VariableSharing Sharing => sharing ??= VariableSharing.Of(Root);

    /// <summary>
    /// The method's own graph, built on demand: only methods that matter to a caller need one (a
    /// local function's graph is nested in its enclosing member's). Null when none can be built.
    /// </summary>
    internal ControlFlowGraph? GetGraph(CancellationToken cancellationToken)
    {
        ControlFlowGraph? rootGraph = ControlFlowGraph.Create(Root.Syntax, model, cancellationToken);
        return rootGraph is null || Method.MethodKind != MethodKind.LocalFunction
            ? rootGraph
            : FindLocalFunctionGraph(rootGraph, Method, Sharing, cancellationToken);
    }

    /// <summary>True when calls to <paramref name="method"/> bind to one body in source that may be summarised.</summary>
    internal static bool IsCandidate(IMethodSymbol method)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction)
            || method.IsVirtual || method.IsAbstract || method.IsExtern || method.IsAsync
            || (method.IsOverride && !method.IsSealed)
            || method.ContainingType is null or { TypeKind: TypeKind.Interface })
        {
            return false;
        }

        IMethodSymbol implementation = method.PartialImplementationPart ?? method;
        return implementation.DeclaringSyntaxReferences.Length == 1 && !implementation.IsPartialDefinition;
    }

    /// <summary>The body of a candidate, or null when it has none to analyse (broken code, an iterator).</summary>
    internal static SummaryBody? Of(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        IMethodSymbol implementation = method.PartialImplementationPart ?? method;
        SyntaxNode declaration = implementation.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (!compilation.ContainsSyntaxTree(declaration.SyntaxTree))
        {
            return null;
        }

        // The caller needs the helper's body on demand, possibly in another file: the semantic model
        // of that file (the driver's cached one) gives its operations; this is no per-tree analysis.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
        SemanticModel model = compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
        IOperation? operation = model.GetOperation(declaration, cancellationToken);
        if (operation is null || operation.Syntax.ContainsDiagnostics)
        {
            return null;
        }

        IOperation root = OperationRoots.RootOf(operation);
        if (root.Kind is not (OperationKind.MethodBody or OperationKind.Block) || root.Syntax.ContainsDiagnostics || IsIterator(operation))
        {
            return null;
        }

        return new SummaryBody(implementation, operation, root, model);
    }

    private static ControlFlowGraph? FindLocalFunctionGraph(ControlFlowGraph root, IMethodSymbol localFunction, VariableSharing sharing, CancellationToken cancellationToken)
    {
        foreach (ControlFlowGraph graph in FunctionGraphs.AllOf(root, sharing, cancellationToken))
        {
            foreach (IMethodSymbol candidate in graph.LocalFunctions)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, localFunction))
                {
                    return graph.GetLocalFunctionControlFlowGraph(candidate, cancellationToken);
                }
            }
        }

        return null;
    }

    /// <summary>An iterator's body runs when it is enumerated, not when it is called.</summary>
    private static bool IsIterator(IOperation body)
    {
        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            if (operation.Kind is OperationKind.YieldReturn or OperationKind.YieldBreak)
            {
                return true;
            }
        }

        return false;
    }
}
