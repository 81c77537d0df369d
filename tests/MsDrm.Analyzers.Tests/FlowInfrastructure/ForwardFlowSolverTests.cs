using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.FlowInfrastructure;
using Xunit;

namespace MsDrm.Analyzers.Tests.FlowInfrastructure;

/// <summary>
/// The shared solver's routing, seen through a solver that only counts: which blocks it visits, how
/// often, in which pass, and how many states it copies.
/// </summary>
public sealed class ForwardFlowSolverTests
{
    [Fact]
    public void A_method_without_loops_visits_each_block_once_and_reports_in_that_visit()
    {
        CountingSolver solver = Solve("""
            int M(bool a, bool b)
            {
                int x = 0;
                if (a) { x = 1; } else { x = 2; }
                if (b && a) { x += 3; }
                try { x++; } finally { x--; }
                return x;
            }
            """);

        Assert.NotEmpty(solver.Visits);
        Assert.All(solver.Visits, pair => Assert.Equal(1, pair.Value.Total));
        Assert.All(solver.Visits, pair => Assert.Equal(1, pair.Value.Reporting));

        // A copy per conditional block (for its other side) and one per end reached (the method's
        // exit and the finally region's end, where states are joined); no copy per visited block.
        Assert.Equal(solver.ConditionalBlocksVisited + 2, solver.Clones);
    }

    [Fact]
    public void In_a_method_with_a_loop_the_loop_blocks_report_after_their_fixpoint_and_the_others_in_their_single_visit()
    {
        CountingSolver solver = Solve("""
            int M(bool a)
            {
                int x = 0;
                while (a) { x++; a = x < 3; }
                return x;
            }
            """);

        // The loop's condition and body: once to reach the fixpoint (the counting lattice never
        // grows), once more to report when the state at the loop's head is known. Every other block
        // is final when reached: one visit, which reports. Every block reports once, in block order.
        int[] loop = solver.Visits.Keys.Where(block => solver.Visits[block].Total == 2).OrderBy(block => block).ToArray();
        Assert.Equal(2, loop.Length);
        Assert.Equal(loop[0] + 1, loop[1]);
        Assert.Equal(6, solver.Visits.Count);
        Assert.All(solver.Visits, pair => Assert.Equal(loop.Contains(pair.Key) ? 2 : 1, pair.Value.Total));
        Assert.All(solver.Visits, pair => Assert.Equal(1, pair.Value.Reporting));
        Assert.Equal(solver.Visits.Keys.OrderBy(block => block), solver.ReportingOrder);

        // Copies only for the loop blocks' fixpoint visits, the conditional block's other side (in
        // both of its visits) and the exit's join: the states outside the loop are used in place.
        Assert.Equal(loop.Length + 2 + 1, solver.Clones);
    }

    [Fact]
    public void Without_a_report_no_block_is_visited_as_reporting()
    {
        CountingSolver solver = Solve(
            """
            int M(bool a)
            {
                int x = a ? 1 : 2;
                return x;
            }
            """,
            report: false);

        Assert.NotEmpty(solver.Visits);
        Assert.All(solver.Visits, pair => Assert.Equal(0, pair.Value.Reporting));
    }

    private static CountingSolver Solve(string method, bool report = true)
    {
        IMethodBodyOperation body = MethodBodies.Of("class C { " + method + " }", "M");
        var solver = new CountingSolver(ControlFlowGraph.Create(body));
        solver.Run(report);
        return solver;
    }

    /// <summary>A lattice of nothing: every state is the same, so only the routing is seen.</summary>
    private sealed class CountedState : IFlowLattice<CountedState>
    {
        private readonly CountingSolver solver;

        internal CountedState(CountingSolver solver) => this.solver = solver;

        public CountedState Clone()
        {
            solver.Clones++;
            return new CountedState(solver);
        }

        public bool JoinWith(CountedState other) => false;
    }

    private sealed class CountingSolver : ForwardFlowSolver<CountedState>
    {
        internal CountingSolver(ControlFlowGraph graph)
            : base(graph, CancellationToken.None)
        {
        }

        internal Dictionary<int, (int Total, int Reporting)> Visits { get; } = new();

        internal int Clones { get; set; }

        internal List<int> ReportingOrder { get; } = new();

        internal int ConditionalBlocksVisited { get; private set; }

        internal void Run(bool report) => SolveGraph(new CountedState(this), report);

        protected override CountedState EmptyState() => new(this);

        protected override void Transfer(BasicBlock block, CountedState state, bool reporting)
        {
            Visits.TryGetValue(block.Ordinal, out (int Total, int Reporting) seen);
            Visits[block.Ordinal] = (seen.Total + 1, seen.Reporting + (reporting ? 1 : 0));
            if (reporting)
            {
                ReportingOrder.Add(block.Ordinal);
            }
            if (block.ConditionKind != ControlFlowConditionKind.None && block.BranchValue is not null)
            {
                ConditionalBlocksVisited++;
            }
        }

        protected override void Refine(BasicBlock block, CountedState state, bool whenTrue, bool reporting)
        {
        }
    }
}
