using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.MaskedErrors;

/// <summary>A close result assigned over a failed HRESULT, and then returned or thrown (MSDRM006).</summary>
internal sealed class MaskedError
{
    internal MaskedError(SyntaxNode assignment, string local, string closeFunction, ImmutableArray<SyntaxNode> failures)
    {
        Assignment = assignment;
        Local = local;
        CloseFunction = closeFunction;
        Failures = failures;
    }

    /// <summary>The first assignment that overwrote the failure (where the diagnostic goes).</summary>
    internal SyntaxNode Assignment { get; }

    internal string Local { get; }

    /// <summary>The close function (or closing method) whose result overwrote the failure.</summary>
    internal string CloseFunction { get; }

    /// <summary>Each failure test or negative constant assignment that reaches the assignment, in source order.</summary>
    internal ImmutableArray<SyntaxNode> Failures { get; }
}
