using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MsDrm.Analyzers.Rules;

/// <summary>
/// The analyzer the package ships for the rules on DRM calls, MSDRM001 to MSDRM006: one invocation
/// callback serves all six. Each rule stays in its own file as a complete analyzer (its tests run it
/// alone); shipped one by one, every call of every body cost six callbacks, and the driver's own cost
/// per callback was most of what the lighter rules cost.
/// </summary>
/// <remarks>
/// A rule set to <c>none</c> still runs here and the driver drops its diagnostics: the heavy part,
/// the handle flow, serves MSDRM001, MSDRM003, MSDRM004 and MSDRM005 alike.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DrmCallRulesAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Every rule served here, in rule id order.</summary>
    internal static ImmutableArray<DrmRuleAnalyzer> Rules { get; } = ImmutableArray.Create<DrmRuleAnalyzer>(
        new MSDRM001HandleNotClosedAnalyzer(),
        new MSDRM002HresultIgnoredAnalyzer(),
        new MSDRM003UsedAfterCloseAnalyzer(),
        new MSDRM004WrongCloseFunctionAnalyzer(),
        new MSDRM005CloseOrderAnalyzer(),
        new MSDRM006ErrorMaskedAnalyzer());

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Rules.SelectMany(rule => rule.SupportedDiagnostics).ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(DrmRuleAnalyzer.GeneratedCodeAnalysis);
        DrmRuleAnalyzer.RegisterCallback(context, Rules);
    }
}
