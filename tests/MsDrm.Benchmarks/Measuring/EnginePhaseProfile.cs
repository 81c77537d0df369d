using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.FlowInfrastructure;
using MsDrm.Analyzers.HandleFlow;
using MsDrm.Analyzers.HresultFlow;
using MsDrm.Benchmarks.Reporting;

namespace MsDrm.Benchmarks.Measuring;

/// <summary>
/// Times the engine's phases body by body, outside the analyzer driver, on a fresh compilation per
/// round: the operation walk, the recognizer lookups, the graphs, the handle flow's solver, the
/// HRESULT checks and building the diagnostics. Binding (the semantic model's operation tree) is
/// shown for scale: the driver pays it for every analyzer, ours included or not.
/// </summary>
internal static class EnginePhaseProfile
{
    private static readonly string[] Phases =
    {
        "bind (driver's cost, for scale)",
        "walk the body's operations",
        "recognizer lookups (both rules)",
        "graph (ControlFlowGraph.Create)",
        "variable sharing (captures, ref aliases)",
        "MSDRM001 solver (fixpoint + reporting pass)",
        "MSDRM001 diagnostics (properties)",
        "MSDRM002 use classification",
        "MSDRM002 dead-store check",
    };

    internal static void Print(CorpusCompilation corpus, int rounds)
    {
        var samples = Phases.Select(_ => new List<double>()).ToArray();
        var allocations = Phases.Select(_ => new List<double>()).ToArray();
        int bodies = 0, drmBodies = 0, creatingBodies = 0, invocations = 0;
        for (int round = 0; round < rounds + 1; round++)
        {
            var laps = new PhaseLaps(Phases.Length);
            (bodies, drmBodies, creatingBodies, invocations) = Measure(corpus.Create(AnalyzerSet.CompileOnly), laps);
            if (round == 0)
            {
                continue; // warm-up (JIT)
            }

            for (int i = 0; i < Phases.Length; i++)
            {
                samples[i].Add(laps.Ticks[i] * 1000.0 / Stopwatch.Frequency);
                allocations[i].Add(laps.Bytes[i] / 1e6);
            }
        }

        Console.WriteLine($"Engine phases outside the driver: {bodies:N0} bodies, {invocations:N0} invocations, {drmBodies:N0} bodies with a DRM call, {creatingBodies:N0} with a creating call; medians of {rounds} round(s).");
        var table = new TextTable("phase", "ms (median)", "share of ours", "MB allocated (median)");
        double ours = samples.Skip(1).Sum(Statistics.Median);
        for (int i = 0; i < Phases.Length; i++)
        {
            double ms = Statistics.Median(samples[i]);
            table.Row(Phases[i], Format.Ms2(ms), i == 0 ? "-" : Format.Percent(Statistics.Ratio(ms, ours)), Format.Megabytes(Statistics.Median(allocations[i])));
        }

        table.Row("ours (every phase but binding)", Format.Ms2(ours), "100.00 %", Format.Megabytes(allocations.Skip(1).Sum(Statistics.Median)));
        Console.Write(table);
    }

    private static (int Bodies, int DrmBodies, int CreatingBodies, int Invocations) Measure(Compilation compilation, PhaseLaps laps)
    {
        int bodies = 0, drmBodies = 0, creatingBodies = 0, invocationCount = 0;
        DrmCallRecognizer recognizer = DrmCallRecognizer.For(compilation);
        var invocations = new List<IInvocationOperation>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (SyntaxNode declaration in tree.GetRoot().DescendantNodes().Where(IsBodyOwner))
            {
                laps.Start();
                IOperation? body = model.GetOperation(declaration);
                laps.Lap(0);
                if (body is null)
                {
                    continue;
                }

                bodies++;
                invocations.Clear();
                foreach (IOperation operation in body.DescendantsAndSelf())
                {
                    if (operation is IInvocationOperation invocation)
                    {
                        invocations.Add(invocation);
                    }
                }

                invocationCount += invocations.Count;
                laps.Lap(1);
                bool creates = false, drm = false;
                foreach (IInvocationOperation invocation in invocations)
                {
                    RecognizedMethod method = recognizer.Recognize(invocation.TargetMethod);
                    creates |= method.CanCreateHandle;
                    drm |= method.Function is not null;
                }

                laps.Lap(2);
                if (!creates && !drm)
                {
                    continue;
                }

                drmBodies++;
                ControlFlowGraph graph = body switch
                {
                    IMethodBodyOperation method => ControlFlowGraph.Create(method),
                    IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
                    _ => throw new InvalidOperationException(body.Kind.ToString()),
                };
                laps.Lap(3);
                VariableSharing sharing = VariableSharing.Of(body);
                laps.Lap(4);
                if (creates)
                {
                    creatingBodies++;
                    HandleFlowResult result = HandleFlowAnalysis.Analyze(graph, recognizer, sharing, CancellationToken.None);
                    laps.Lap(5);
                    foreach (LeakedHandle leak in result.Leaks)
                    {
                        var data = new HandleDiagnosticData(leak.Kind, leak.Variable ?? string.Empty, leak.IsWrapper, leak.Function, leak.SuccessConditional);
                        _ = Diagnostic.Create(MsDrm.Analyzers.Descriptors.HandleNotClosed, leak.Invocation.Syntax.GetLocation(), data.ToProperties(), leak.Variable, leak.Function, data.CloseFunction);
                    }

                    laps.Lap(6);
                }

                var stored = new List<(IInvocationOperation, ImmutableArray<ILocalSymbol>)>();
                foreach (IInvocationOperation invocation in invocations)
                {
                    if (recognizer.GetFunction(invocation.TargetMethod) is not null
                        && HresultUseClassifier.Classify(invocation) is { Kind: HresultUseKind.StoredInLocals } use)
                    {
                        stored.Add((invocation, use.Locals));
                    }
                }

                laps.Lap(7);
                InvocationPositions? positions = null;
                foreach ((IInvocationOperation invocation, ImmutableArray<ILocalSymbol> locals) in stored)
                {
                    if (locals.Any(local => ImmediateRead.IsReadByNextStatement(invocation, local)))
                    {
                        continue;
                    }

                    positions ??= InvocationPositions.Of(graph, sharing, CancellationToken.None);
                    if (positions.TryFind(invocation.Syntax, out FlowPosition position))
                    {
                        _ = locals.All(local => !sharing.IsRefExposed(local) && DeadStoreAnalysis.IsDeadOnSomePath(position, local, new FailureSides(graph, recognizer, local)));
                    }
                }

                laps.Lap(8);
            }
        }

        return (bodies, drmBodies, creatingBodies, invocationCount);
    }

    private static bool IsBodyOwner(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax method => method.Body is not null || method.ExpressionBody is not null,
        AccessorDeclarationSyntax accessor => accessor.Body is not null || accessor.ExpressionBody is not null,
        _ => false,
    };
}
