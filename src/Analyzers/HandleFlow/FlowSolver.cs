using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// The handle flow's solver: <see cref="HandleTransfer"/> over one control flow graph, routed by the
/// shared <see cref="ForwardFlowSolver{TState}"/> (fixpoint in block order, then a reporting pass that
/// alone records findings; finally regions inline on each normal branch; catch handlers from an empty
/// state). It records every creation still live at the exit, and each branch into the exit with a
/// handle open (the lost points of MSDRM001's message).
/// </summary>
internal sealed class FlowSolver : ForwardFlowSolver<FlowState>
{
    private readonly HandleFlowContext context;
    private readonly FlowFindings findings;
    private readonly FlowKeys keys;

    internal FlowSolver(ControlFlowGraph graph, HandleFlowContext context, FlowFindings findings)
        : base(graph, context.CancellationToken)
    {
        this.context = context;
        this.findings = findings;
        keys = new FlowKeys(context.Meter);
    }

    /// <summary>Analyses the whole graph and records every creation still live at its exit.</summary>
    internal void Run()
    {
        FlowState? atExit = SolveGraph(EntryState(), report: true);
        findings.Summary?.Exit(atExit);
        if (atExit is not null)
        {
            foreach (int id in atExit.Live)
            {
                findings.Leak(id);
            }
        }
    }

    protected override FlowState EmptyState() => FlowState.Empty(keys);

    /// <summary>Nothing open, closed or created here: the block cannot change the state.</summary>
    protected override bool IsInert(BasicBlock block, FlowState state)
        => state.LiveCount == 0 && !context.Sites.CreatingBlocks[block.Ordinal]
            && !context.Sites.ClosingBlocks[block.Ordinal] && !state.Lifetime.Used;

    protected override void Transfer(BasicBlock block, FlowState state, bool reporting)
    {
        FlowFindings? recorder = Recorder(reporting);
        if (recorder is not null)
        {
            recorder.CurrentBlock = block.Ordinal;
        }

        var transfer = new HandleTransfer(context, state, recorder);
        foreach (IOperation operation in block.Operations)
        {
            transfer.Eval(operation);
        }

        if (block.BranchValue is { } branchValue)
        {
            if (ReturnsBranchValue(block))
            {
                transfer.EvalReturned(branchValue);
            }
            else
            {
                transfer.Eval(branchValue);
            }
        }
    }

    protected override void Refine(BasicBlock block, FlowState state, bool whenTrue, bool reporting)
        => new ConditionRefinement(context, state, Recorder(reporting)).Refine(block.BranchValue!, whenTrue);

    protected override void OnArrive(ControlFlowBranch branch, BasicBlock destination, FlowState state, bool reporting)
    {
        if (reporting && destination.Kind == BasicBlockKind.Exit && state.LiveCount > 0)
        {
            findings.OpenAtExit(state.Live, branch);
        }

        state.Lifetime.Forget(branch.LeavingRegions);
    }

    /// <summary>Findings are recorded in the reporting pass only.</summary>
    private FlowFindings? Recorder(bool reporting) => reporting ? findings : null;

    /// <summary>Empty, except in a summarised method: each parameter holds its caller's handle.</summary>
    private FlowState EntryState()
    {
        FlowState entry = FlowState.Empty(keys);
        foreach (CreationSite parameter in context.Sites.ParameterSites)
        {
            entry.AddLive(parameter.Id);
            entry.SetHolder(parameter.Parameter!, new[] { parameter.Id });
        }

        return entry;
    }
}
