using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// What every rule on DRM calls (MSDRM001–006) sets up the same way: concurrent execution, generated
/// code skipped, the API model once per compilation (<see cref="DrmCallRecognizer.For"/>), the shared
/// pre-filter and the error policy. Each rule is a complete analyzer on its own (its tests run it so);
/// the package ships them together in <see cref="DrmCallRulesAnalyzer"/>, one callback per call for all.
/// </summary>
/// <remarks>
/// <para>Pre-filter: one invocation action for all the rules, no per-body callbacks. The recognizer
/// classifies each called method once per compilation (a cached lookup), so a call that is no DRM call
/// costs one dictionary hit and a body without DRM calls costs nothing more. Only a DRM call reaches a
/// rule, with the <see cref="DrmBody"/> of its body: the per-body facts every rule shares (variable
/// sharing, the handle flow's findings), computed by whichever rule asks first.</para>
/// <para>Error policy: an unexpected exception in a rule skips that body (no diagnostic, no AD0001)
/// and the body is not analysed again. Tests turn the guard off with the analyzer config key
/// <c>msdrm.internal.rethrow_exceptions = true</c>, so a crash shows up as AD0001 there.</para>
/// </remarks>
public abstract class DrmRuleAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The analyzer config key that turns the guard off (tests only).</summary>
    internal const string RethrowExceptionsKey = "msdrm.internal.rethrow_exceptions";

    /// <inheritdoc />
    /// <remarks>Used when the rule runs alone (its tests); the package runs it inside <see cref="DrmCallRulesAnalyzer"/>.</remarks>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysis);
        RegisterCallback(context, ImmutableArray.Create(this));
    }

    /// <summary>
    /// Generated code is not analysed, so no callback of ours runs there. Diagnostics are not
    /// re-checked on the way out: every one is located at the call the callback was given, in the body
    /// the driver chose to analyse, and that check walks each reporting file's tokens (once per file,
    /// about as much as the rest of our work on the corpus). The one place a non-generated body can
    /// still hold hidden code, a <c>#line hidden</c> region, is skipped by the callback.
    /// </summary>
    internal const GeneratedCodeAnalysisFlags GeneratedCodeAnalysis = GeneratedCodeAnalysisFlags.ReportDiagnostics;

    /// <summary>Registers one invocation callback that serves every rule of <paramref name="rules"/>.</summary>
    internal static void RegisterCallback(AnalysisContext context, ImmutableArray<DrmRuleAnalyzer> rules)
    {
        context.RegisterCompilationStartAction(start =>
        {
            DrmCallRecognizer recognizer = DrmCallRecognizer.For(start.Compilation);
            start.RegisterOperationAction(operation => OnInvocation(operation, recognizer, rules), OperationKind.Invocation);
        });
    }

    /// <summary>True for the calls the rule looks at; every other call is dropped before any work.</summary>
    private protected abstract bool IsRelevant(RecognizedMethod method);

    /// <summary>
    /// True for a call the API model does not know that the rule still reports on (MSDRM005: a wrapper's
    /// <c>Dispose()</c>); false by default. Asked only when <see cref="IsRelevant"/> said no, so keep it cheap.
    /// </summary>
    private protected virtual bool IsRelevantOtherCall(IInvocationOperation invocation, DrmCallRecognizer recognizer) => false;

    /// <summary>Analyses one relevant call; reports only diagnostics located at that call.</summary>
    private protected abstract void AnalyzeCall(OperationAnalysisContext context, IInvocationOperation invocation, RecognizedMethod method, DrmBody body);

    private static void OnInvocation(OperationAnalysisContext context, DrmCallRecognizer recognizer, ImmutableArray<DrmRuleAnalyzer> rules)
    {
        var invocation = (IInvocationOperation)context.Operation;
        RecognizedMethod method = recognizer.Recognize(invocation.TargetMethod);
        DrmBody? body = null;
        foreach (DrmRuleAnalyzer rule in rules)
        {
            if (!rule.IsRelevant(method) && !rule.IsRelevantOtherCall(invocation, recognizer))
            {
                continue;
            }

            if (body is null)
            {
                if (IsHidden(invocation.Syntax))
                {
                    return;
                }

                body = DrmBody.For(OperationRoots.RootOf(invocation), recognizer);
            }

            if (body.HasFailed)
            {
                return;
            }

            try
            {
                rule.AnalyzeCall(context, invocation, method, body);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !RethrowRequested(context, invocation))
            {
                // Broken or unexpected code: skip the whole body rather than fail the build with AD0001.
                body.MarkFailed();
                return;
            }
        }
    }

    /// <summary>True inside a <c>#line hidden</c> region: code a generator wrote into a user's file.</summary>
    private static bool IsHidden(SyntaxNode node)
        => node.SyntaxTree.HasHiddenRegions() && node.SyntaxTree.GetLineVisibility(node.SpanStart) == LineVisibility.Hidden;

    private static bool RethrowRequested(OperationAnalysisContext context, IInvocationOperation invocation)
        => AnalyzerOptionsReader.GetBool(context.Options, invocation.Syntax.SyntaxTree, RethrowExceptionsKey, defaultValue: false);
}
