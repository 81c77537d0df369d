using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MsDrm.Roslyn48.Tests.Infrastructure;

/// <summary>What applying the fixes to one source did.</summary>
public sealed record FixRunResult(
    string FixedText,
    int FixedCount,
    ImmutableArray<Diagnostic> InitialDiagnostics,
    ImmutableArray<Diagnostic> RemainingDiagnostics,
    ImmutableArray<Diagnostic> InitialErrors,
    ImmutableArray<Diagnostic> FinalErrors)
{
    /// <summary>Compile errors the fixes introduced.</summary>
    public IEnumerable<Diagnostic> NewErrors
        => FinalErrors.Where(e => !InitialErrors.Any(i => i.Id == e.Id && i.GetMessage() == e.GetMessage()));
}
