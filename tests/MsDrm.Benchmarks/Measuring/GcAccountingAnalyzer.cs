using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MsDrm.Benchmarks.Measuring;

// A measuring wrapper, never loaded by a host: the wrapped analyzer configures and registers everything.
#pragma warning disable RS1001, RS1012, RS1025, RS1026

/// <summary>
/// Runs another analyzer and sums the garbage-collection pauses that fall inside its callbacks and
/// the bytes they allocate. The driver's execution time for an analyzer includes every pause its
/// callbacks happen to trigger, and most of what is collected is the driver's own garbage; this
/// separates the two. Analysis is
/// single-threaded in these runs, so a pause inside a callback is that callback's. Covers the
/// registrations our analyzers make (compilation start, operation and symbol actions) and refuses others.
/// </summary>
internal sealed class GcAccountingAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    private long pausedTicks;
    private long allocatedBytes;

    /// <summary>The analyzer that does the work.</summary>
    internal DiagnosticAnalyzer Inner => inner;

    /// <summary>GC pauses inside the wrapped analyzer's callbacks so far (every run of this instance).</summary>
    internal TimeSpan PausedInCallbacks => TimeSpan.FromTicks(Interlocked.Read(ref pausedTicks));

    /// <summary>Bytes the wrapped analyzer's callbacks allocated so far: their share of what the collector has to do.</summary>
    internal long AllocatedInCallbacks => Interlocked.Read(ref allocatedBytes);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => inner.Initialize(new Context(context, this));

    private Action<T> Timed<T>(Action<T> action) => argument =>
    {
        TimeSpan before = GC.GetTotalPauseDuration();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref pausedTicks, (GC.GetTotalPauseDuration() - before).Ticks);
            Interlocked.Add(ref allocatedBytes, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        }
    };

    // Our analyzers register a compilation start action and, inside it, operation and symbol
    // actions; any other registration is refused rather than forwarded untimed.
    private sealed class Context(AnalysisContext inner, GcAccountingAnalyzer owner) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
            => inner.RegisterCompilationStartAction(owner.Timed<CompilationStartAnalysisContext>(start => action(new StartContext(start, owner))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unsupported();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unsupported();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported();
    }

    private sealed class StartContext(CompilationStartAnalysisContext inner, GcAccountingAnalyzer owner)
        : CompilationStartAnalysisContext(inner.Compilation, inner.Options, inner.CancellationToken)
    {
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            => inner.RegisterOperationAction(owner.Timed(action), operationKinds);

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
            => inner.RegisterSymbolAction(owner.Timed(action), symbolKinds);

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unsupported();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unsupported();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unsupported();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unsupported();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unsupported();
    }

    private static NotSupportedException Unsupported() => new("GcAccountingAnalyzer times only compilation start, operation and symbol actions.");
}
