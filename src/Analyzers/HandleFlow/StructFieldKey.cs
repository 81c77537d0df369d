using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.HandleFlow;

/// <summary>
/// The key of a field of a local struct (<c>parameters.hEnablingPrincipal</c>): a handle stored
/// there stays owned by the method, and escapes only with the struct local itself (its
/// <see cref="Owner"/> holds every handle its fields hold).
/// </summary>
internal sealed class StructFieldKey
{
    internal StructFieldKey(ISymbol owner, IFieldSymbol field)
    {
        Owner = owner;
        Field = field;
    }

    /// <summary>The struct local.</summary>
    internal ISymbol Owner { get; }

    internal IFieldSymbol Field { get; }

    public override bool Equals(object? obj)
        => obj is StructFieldKey other
            && SymbolEqualityComparer.Default.Equals(Owner, other.Owner)
            && SymbolEqualityComparer.Default.Equals(Field, other.Field);

    public override int GetHashCode()
        => (SymbolEqualityComparer.Default.GetHashCode(Owner) * 31) + SymbolEqualityComparer.Default.GetHashCode(Field);
}
