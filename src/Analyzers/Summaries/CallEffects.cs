using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.Analyzers.Summaries;

/// <summary>
/// What a call that is no DRM call does with a handle passed by value: a summarised user method
/// says so in its summary; a method of the .NET libraries (namespaces <c>System.*</c> and
/// <c>Microsoft.*</c>) only uses it, unless it belongs to a collection type (it stores it) or a
/// delegate (unknown code); any other method takes ownership.
/// </summary>
internal static class CallEffects
{
    internal static ParameterEffect Of(DrmCallRecognizer recognizer, RecognizedMethod recognized, IMethodSymbol method, IParameterSymbol? parameter, out HandleKind? closedKind)
    {
        closedKind = null;
        if (parameter is null || parameter.RefKind is not (RefKind.None or RefKind.In))
        {
            return ParameterEffect.TakesOwnership;
        }

        if (recognized.Summary is { } summary)
        {
            return recognizer.Summaries.EffectOf(summary, parameter.Ordinal, out closedKind);
        }

        return recognized.Function is null && !recognized.IsRuntime && IsLibraryReader(method)
            ? ParameterEffect.Uses
            : ParameterEffect.TakesOwnership;
    }

    /// <summary>A .NET library method without source, of a type that is neither a collection nor a delegate.</summary>
    internal static bool IsLibraryReader(IMethodSymbol method)
    {
        INamedTypeSymbol? type = method.ContainingType;
        if (type is null || type.TypeKind == TypeKind.Delegate || method.DeclaringSyntaxReferences.Length > 0 || !IsLibraryNamespace(type.ContainingNamespace))
        {
            return false;
        }

        if (type.SpecialType == SpecialType.System_String)
        {
            // Enumerable (of its chars), but no collection: it stores nothing it is passed.
            return true;
        }

        if (type.SpecialType == SpecialType.System_Collections_IEnumerable)
        {
            return false;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLibraryNamespace(INamespaceSymbol? space)
    {
        if (space is null || space.IsGlobalNamespace)
        {
            return false;
        }

        while (!space.ContainingNamespace.IsGlobalNamespace)
        {
            space = space.ContainingNamespace;
        }

        return space.Name is "System" or "Microsoft";
    }
}
