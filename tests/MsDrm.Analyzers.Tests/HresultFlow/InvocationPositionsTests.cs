using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.FlowInfrastructure;
using MsDrm.Analyzers.HresultFlow;
using MsDrm.Analyzers.Tests.FlowInfrastructure;
using Xunit;

namespace MsDrm.Analyzers.Tests.HresultFlow;

/// <summary>
/// The index MSDRM002 reads a stored HRESULT's place from: every invocation of a body, in the body's
/// graph or in the graph of the lambda or local function that holds it, at the statement that contains it.
/// </summary>
public sealed class InvocationPositionsTests
{
    private const string Source = """
        class C
        {
            static int F(int x) => x;

            int M(bool a)
            {
                int first = F(1);
                if (a) { first = F(F(2)); }
                System.Func<int> lambda = () => { int x = F(3); return x; };
                first += lambda() + Local();
                return first + F(5);

                int Local() { int inner = F(4); return inner; }
            }
        }
        """;

    [Fact]
    public void Every_call_in_a_statement_is_found_at_that_statement_in_its_own_graph()
    {
        (ControlFlowGraph root, InvocationPositions positions, SyntaxTree tree) = Index();
        InvocationExpressionSyntax[] calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(call => call.ToString() != "F(5)")
            .ToArray();
        Assert.Equal(7, calls.Length);

        foreach (InvocationExpressionSyntax call in calls)
        {
            Assert.True(positions.TryFind(call, out FlowPosition position), $"not found: {call}");
            IOperation statement = position.Block.Operations[position.Index];
            Assert.True(statement.Syntax.Span.Contains(call.Span), $"{call} is not inside {statement.Syntax}");

            // Calls in the lambda and the local function sit in their own graphs, the others in the body's.
            bool nested = call.Ancestors().Any(node => node is LambdaExpressionSyntax or LocalFunctionStatementSyntax);
            Assert.Equal(nested, !ReferenceEquals(position.Graph, root));
        }
    }

    [Fact]
    public void A_call_in_a_returned_value_or_outside_the_body_is_not_found()
    {
        // A branch value (a return, a condition) is no statement of a block; a stored HRESULT always is one.
        (_, InvocationPositions positions, SyntaxTree tree) = Index();
        InvocationExpressionSyntax returned = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single(call => call.ToString() == "F(5)");
        var elsewhere = (InvocationExpressionSyntax)SyntaxFactory.ParseExpression("F(1)");

        Assert.False(positions.TryFind(returned, out _));
        Assert.False(positions.TryFind(elsewhere, out _));
    }

    private static (ControlFlowGraph Root, InvocationPositions Positions, SyntaxTree Tree) Index()
    {
        IMethodBodyOperation body = MethodBodies.Of(Source, "M");
        ControlFlowGraph root = ControlFlowGraph.Create(body);
        return (root, InvocationPositions.Of(root, VariableSharing.Of(body), CancellationToken.None), body.Syntax.SyntaxTree);
    }
}
