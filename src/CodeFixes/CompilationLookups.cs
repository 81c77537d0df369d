using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.CodeFixes;

/// <summary>
/// What the fixes look up in a compilation, computed once per compilation and shared by every
/// registration and fix step on it: the API recognizer and the close imports the project declares.
/// </summary>
internal sealed class CompilationLookups
{
    private static readonly ConditionalWeakTable<Compilation, CompilationLookups> Cache = new();

    private readonly Compilation compilation;
    private readonly object gate = new();
    private ImmutableArray<IMethodSymbol> namedCloseImports;

    private CompilationLookups(Compilation compilation)
    {
        this.compilation = compilation;
        Recognizer = DrmCallRecognizer.For(compilation);
    }

    internal DrmCallRecognizer Recognizer { get; }

    internal static CompilationLookups For(Compilation compilation) => Cache.GetValue(compilation, c => new CompilationLookups(c));

    /// <summary>
    /// An accessible static import of the kind's close function: the project's own first (declared
    /// beside the code, beside the creating import, or under a name with "close" in it), then the
    /// runtime's <c>NativeMethods</c>. No scan of every member of the compilation.
    /// </summary>
    internal IMethodSymbol? FindCloseImport(SemanticModel model, HandleKind kind, int position, IMethodSymbol? creator, CancellationToken cancellationToken)
    {
        string closeName = kind.CloseFunction();
        bool Fits(IMethodSymbol m) => m.IsStatic
            && m.Parameters.Length == 1
            && m.Parameters[0].RefKind == RefKind.None
            && (m.IsExtern || m.IsPartialDefinition || m.PartialImplementationPart is not null || Recognizer.Recognize(m).IsRuntime)
            && Recognizer.GetFunction(m)?.Name == closeName
            && model.IsAccessible(position, m);

        foreach (INamedTypeSymbol type in NearbyTypes(model, position, creator))
        {
            if (type.GetMembers().OfType<IMethodSymbol>().FirstOrDefault(Fits) is { } near)
            {
                return near;
            }
        }

        if (NamedCloseImports(cancellationToken).FirstOrDefault(Fits) is { } named)
        {
            return named;
        }

        return Recognizer.NativeMethodsType?.GetMembers(closeName).OfType<IMethodSymbol>().FirstOrDefault(Fits);
    }

    /// <summary>The types around the position and the type declaring the creating import.</summary>
    private static IEnumerable<INamedTypeSymbol> NearbyTypes(SemanticModel model, int position, IMethodSymbol? creator)
    {
        for (INamedTypeSymbol? type = model.GetEnclosingSymbol(position)?.ContainingType ?? model.GetEnclosingSymbol(position) as INamedTypeSymbol;
            type is not null;
            type = type.ContainingType)
        {
            yield return type;
        }

        if (creator?.ContainingType is { } declaring && declaring.Locations.Any(l => l.IsInSource))
        {
            yield return declaring;
        }
    }

    /// <summary>Source imports whose name mentions "close": found through the declaration names, without binding other members.</summary>
    private ImmutableArray<IMethodSymbol> NamedCloseImports(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (namedCloseImports.IsDefault)
            {
                namedCloseImports = compilation.GetSymbolsWithName(n => n.IndexOf("close", StringComparison.OrdinalIgnoreCase) >= 0, SymbolFilter.Member, cancellationToken)
                    .OfType<IMethodSymbol>()
                    .Where(m => m.IsExtern || m.IsPartialDefinition || m.PartialImplementationPart is not null)
                    .ToImmutableArray();
            }

            return namedCloseImports;
        }
    }
}
