using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.ApiModel;

/// <summary>
/// Maps symbols of one compilation to the API model: which methods are msdrm.dll functions, which
/// types are the runtime's SafeHandle wrappers. Create one per compilation (in a
/// <c>CompilationStartAction</c>); lookups are cached and thread-safe.
/// </summary>
internal sealed class DrmCallRecognizer
{
    private readonly ConcurrentDictionary<IMethodSymbol, DrmFunction?> functionCache = new(SymbolEqualityComparer.Default);
    private readonly INamedTypeSymbol? libraryImportAttribute;
    private readonly INamedTypeSymbol?[] wrapperTypes;

    private DrmCallRecognizer(Compilation compilation)
    {
        libraryImportAttribute = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.LibraryImportAttribute");
        MarshalType = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.Marshal");
        DrmExceptionType = compilation.GetTypeByMetadataName(HandleKindInfo.RuntimeNamespace + ".DrmException");
        NativeMethodsType = compilation.GetTypeByMetadataName(HandleKindInfo.RuntimeNamespace + ".NativeMethods");
        wrapperTypes = new INamedTypeSymbol?[HandleKindInfo.AllKinds.Length];
        foreach (HandleKind kind in HandleKindInfo.AllKinds)
        {
            wrapperTypes[(int)kind] = compilation.GetTypeByMetadataName(HandleKindInfo.RuntimeNamespace + "." + kind.SafeHandleTypeName());
        }
    }

    /// <summary><c>MsDrm.DrmException</c>, when the runtime is referenced.</summary>
    internal INamedTypeSymbol? DrmExceptionType { get; }

    /// <summary><c>MsDrm.NativeMethods</c>, when the runtime is referenced.</summary>
    internal INamedTypeSymbol? NativeMethodsType { get; }

    /// <summary><c>System.Runtime.InteropServices.Marshal</c>.</summary>
    internal INamedTypeSymbol? MarshalType { get; }

    /// <summary>True when the compilation can see the runtime's wrapper types.</summary>
    internal bool HasRuntime => DrmExceptionType is not null;

    internal static DrmCallRecognizer Create(Compilation compilation) => new(compilation);

    /// <summary>The msdrm.dll function a method binds to, or null when it is not a DRM call.</summary>
    internal DrmFunction? GetFunction(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        return functionCache.GetOrAdd(method.OriginalDefinition, Resolve);
    }

    /// <summary>The handle kind a runtime wrapper type owns, or null for any other type.</summary>
    internal HandleKind? GetWrapperKind(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        foreach (HandleKind kind in HandleKindInfo.AllKinds)
        {
            if (SymbolEqualityComparer.Default.Equals(wrapperTypes[(int)kind], type))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The wrapper type of a kind in this compilation, or null when the runtime is not referenced.</summary>
    internal INamedTypeSymbol? GetWrapperType(HandleKind kind) => wrapperTypes[(int)kind];

    /// <summary>
    /// True for <c>DrmException.ThrowIfFailed(int)</c> and <c>Marshal.ThrowExceptionForHR(int)</c>:
    /// after them the HRESULT passed in is known to be a success.
    /// </summary>
    internal bool IsThrowIfFailed(IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        return (method.Name == "ThrowIfFailed" && SymbolEqualityComparer.Default.Equals(type, DrmExceptionType))
            || (method.Name == "ThrowExceptionForHR" && SymbolEqualityComparer.Default.Equals(type, MarshalType));
    }

    /// <summary>True for a method declared by one of the runtime's types (namespace <c>MsDrm</c>).</summary>
    internal bool IsRuntimeMethod(IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        return type is not null
            && (GetWrapperKind(type) is not null
                || SymbolEqualityComparer.Default.Equals(type, DrmExceptionType)
                || SymbolEqualityComparer.Default.Equals(type, NativeMethodsType));
    }

    private DrmFunction? Resolve(IMethodSymbol method)
    {
        string? entryPoint = GetEntryPoint(method);
        return entryPoint is not null && DrmApi.TryGet(entryPoint, out DrmFunction function) ? function : null;
    }

    /// <summary>
    /// The native entry point of an import: the <c>EntryPoint</c> of <c>[DllImport]</c> or
    /// <c>[LibraryImport]</c>, else the method name. Null for a method that is no import.
    /// </summary>
    private string? GetEntryPoint(IMethodSymbol method)
    {
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
        if (method.IsExtern || SymbolEqualityComparer.Default.Equals(method.ContainingType, NativeMethodsType))
        {
            return method.Name;
        }

        return null;
    }
}
