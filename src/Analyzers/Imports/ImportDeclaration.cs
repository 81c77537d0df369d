using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.Imports;

/// <summary>An msdrm.dll import as declared, with what is wrong in it (MSDRM007).</summary>
internal sealed class ImportDeclaration
{
    internal ImportDeclaration(IMethodSymbol method, DrmFunction function, AttributeData importAttribute, bool isLibraryImport, bool throwsOnFailure, ImmutableArray<ImportMismatch> mismatches)
    {
        Method = method;
        Function = function;
        ImportAttribute = importAttribute;
        IsLibraryImport = isLibraryImport;
        ThrowsOnFailure = throwsOnFailure;
        Mismatches = mismatches;
    }

    internal IMethodSymbol Method { get; }

    internal DrmFunction Function { get; }

    /// <summary>The <c>[DllImport]</c> or <c>[LibraryImport]</c> attribute.</summary>
    internal AttributeData ImportAttribute { get; }

    internal bool IsLibraryImport { get; }

    /// <summary>A <c>[DllImport]</c> with <c>PreserveSig = false</c>: the runtime throws for a failed HRESULT.</summary>
    internal bool ThrowsOnFailure { get; }

    /// <summary>Every mismatch, in declaration order (return type first); empty for a correct import.</summary>
    internal ImmutableArray<ImportMismatch> Mismatches { get; }
}
