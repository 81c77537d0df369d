using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.MaskedErrors;

/// <summary>
/// MSDRM006's solver: <see cref="MaskTransfer"/> over one graph, routed like the handle flow by the
/// shared <see cref="ForwardFlowSolver{TState}"/> (exceptional edges ignored, catch handlers start
/// empty, a finally region solved inline on each normal branch that leaves through it, so its
/// assignments act on that path). The transfer reports as it goes, so no reporting pass is needed.
/// </summary>
internal sealed class MaskSolver : ForwardFlowSolver<MaskState>
{
    private readonly MaskContext context;

    internal MaskSolver(ControlFlowGraph graph, MaskContext context)
        : base(graph, context.CancellationToken)
    {
        this.context = context;
    }

    internal void Run() => SolveGraph(new MaskState(), report: false);

    protected override MaskState EmptyState() => new();

    protected override void Transfer(BasicBlock block, MaskState state, bool reporting)
    {
        var transfer = new MaskTransfer(context, state);
        foreach (IOperation operation in block.Operations)
        {
            transfer.Visit(operation);
        }

        if (block.BranchValue is { } branchValue)
        {
            if (ReturnsBranchValue(block))
            {
                transfer.Returned(branchValue);
            }
            else
            {
                transfer.Visit(branchValue);
            }
        }
    }

    protected override void Refine(BasicBlock block, MaskState state, bool whenTrue, bool reporting)
    {
        // The failure is located at the condition as written (an implicit one, a case label, at its constant).
        IOperation condition = block.BranchValue!;
        SyntaxNode? location = condition.IsImplicit ? null : AsWritten(condition.Syntax);
        new MaskTransfer(context, state).Refine(condition, whenTrue, location);
    }

    /// <summary>The graph folds a <c>!</c> into its jumps: the condition as written includes it (and its parentheses).</summary>
    private static SyntaxNode AsWritten(SyntaxNode condition)
    {
        while (condition.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } or ParenthesizedExpressionSyntax)
        {
            condition = condition.Parent;
        }

        return condition;
    }
}
