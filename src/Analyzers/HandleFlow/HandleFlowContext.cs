using System.Threading;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.FlowInfrastructure;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// What the analysis of one graph reads and never changes: the API model, the body's variable
/// sharing, the graph's creation sites, the cancellation token. The solver's mutable parts are the
/// states it owns and the <see cref="FlowFindings"/> of its reporting pass.
/// </summary>
internal sealed class HandleFlowContext
{
    private readonly INamedTypeSymbol? handlerAttribute;

    internal HandleFlowContext(DrmCallRecognizer recognizer, VariableSharing sharing, CreationSiteTable sites, Compilation? compilation, ISolverWorkMeter? meter, CancellationToken cancellationToken, bool summarising = false)
    {
        Summarising = summarising;
        Recognizer = recognizer;
        Sharing = sharing;
        Sites = sites;
        Meter = meter;
        CancellationToken = cancellationToken;
        handlerAttribute = compilation?.GetTypeByMetadataName("System.Runtime.CompilerServices.InterpolatedStringHandlerAttribute");
    }

    internal DrmCallRecognizer Recognizer { get; }

    /// <summary>Captured variables, ref aliases: what the graph alone does not show.</summary>
    internal VariableSharing Sharing { get; }

    internal CreationSiteTable Sites { get; }

    /// <summary>Counts the solver's state work for tests; null in the analyzers.</summary>
    internal ISolverWorkMeter? Meter { get; }

    internal CancellationToken CancellationToken { get; }

    /// <summary>
    /// True when the flow summarises a method for its callers: its out/ref parameters are tracked
    /// like locals (what they hold at the exit is what the caller gets) and its parameters' handles
    /// are seeded at the entry (<see cref="CreationSiteTable.ParameterSites"/>).
    /// </summary>
    internal bool Summarising { get; }

    /// <summary>
    /// True for a type marked [InterpolatedStringHandler]: the graph lowers <c>$"{h}"</c> passed to
    /// such a parameter into its AppendFormatted calls, which only format their argument.
    /// </summary>
    internal bool IsInterpolatedStringHandler(INamedTypeSymbol? type)
    {
        if (type is null || handlerAttribute is null)
        {
            return false;
        }

        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, handlerAttribute))
            {
                return true;
            }
        }

        return false;
    }
}
