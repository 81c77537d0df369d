using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.ApiModel;

/// <summary>Reads the native entry point of an import declaration: <c>[DllImport]</c>, <c>[LibraryImport]</c> or <c>extern</c>.</summary>
internal sealed class ImportEntryPoints
{
    private readonly INamedTypeSymbol? libraryImportAttribute;
    private readonly INamedTypeSymbol? nativeMethodsType;

    internal ImportEntryPoints(Compilation compilation, INamedTypeSymbol? nativeMethodsType)
    {
        libraryImportAttribute = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.LibraryImportAttribute");
        this.nativeMethodsType = nativeMethodsType;
    }

    /// <summary>
    /// The native entry point of an import: the <c>EntryPoint</c> of <c>[DllImport]</c> or
    /// <c>[LibraryImport]</c>, else the method name. Null for a method that is no import.
    /// </summary>
    internal string? Of(IMethodSymbol method)
    {
        bool isRuntimeImport = SymbolEqualityComparer.Default.Equals(method.ContainingType, nativeMethodsType);
        if (!method.IsStatic && !method.IsExtern && !isRuntimeImport)
        {
            // Imports are static ([DllImport] needs static extern, [LibraryImport] static partial):
            // most calls are to instance methods, passed over here without reading an attribute.
            return null;
        }

        if (method.GetDllImportData() is { } dllImport)
        {
            return dllImport.EntryPointName ?? method.Name;
        }

        if (libraryImportAttribute is not null)
        {
            foreach (AttributeData attribute in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, libraryImportAttribute))
                {
                    foreach (var argument in attribute.NamedArguments)
                    {
                        if (argument.Key == "EntryPoint" && argument.Value.Value is string named)
                        {
                            return named;
                        }
                    }

                    return method.Name;
                }
            }
        }

        // The runtime's own imports (LibraryImport wrappers are not extern once compiled).
        if (method.IsExtern || isRuntimeImport)
        {
            return method.Name;
        }

        return null;
    }
}
