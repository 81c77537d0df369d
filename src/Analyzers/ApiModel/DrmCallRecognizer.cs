using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.Hresults;
using MsDrm.Analyzers.Summaries;

namespace MsDrm.Analyzers.ApiModel;

/// <summary>
/// Maps symbols of one compilation to the API model: which methods are msdrm.dll functions, which
/// types are the runtime's SafeHandle wrappers, what each call creates. One instance per compilation
/// (<see cref="For"/>), shared by every rule and every fix step; lookups are cached and thread-safe.
/// </summary>
internal sealed class DrmCallRecognizer
{
    private static readonly ConditionalWeakTable<Compilation, DrmCallRecognizer> ByCompilation = new();

    // Definitions only, keyed by object: a definition is one object per compilation. A constructed or
    // reduced form (List<string>.Add, an extension called as an instance method) can be a new object at
    // each call site, so caching those cost an insertion per call site for nothing; they are mapped to
    // their definition on every ask instead, which is two property reads.
    private readonly ConcurrentDictionary<IMethodSymbol, RecognizedMethod> byDefinition = new(SymbolInstanceComparer.Instance);
    private readonly ImportEntryPoints entryPoints;
    private readonly INamedTypeSymbol?[] wrapperTypes;

    private DrmCallRecognizer(Compilation compilation)
    {
        MarshalType = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.Marshal");
        DrmExceptionType = compilation.GetTypeByMetadataName(HandleKindInfo.RuntimeNamespace + ".DrmException");
        NativeMethodsType = compilation.GetTypeByMetadataName(HandleKindInfo.RuntimeNamespace + ".NativeMethods");
        entryPoints = new ImportEntryPoints(compilation, NativeMethodsType);
        Summaries = new SummaryCache(compilation, this);
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

    /// <summary>The summaries of the user's methods in this compilation (computed on demand, once each).</summary>
    internal SummaryCache Summaries { get; }

    /// <summary>True when the compilation can see the runtime's wrapper types.</summary>
    internal bool HasRuntime => DrmExceptionType is not null;

    /// <summary>The recognizer of <paramref name="compilation"/>, built on first use and kept while the compilation lives.</summary>
    internal static DrmCallRecognizer For(Compilation compilation)
        => ByCompilation.GetValue(compilation, static c => new DrmCallRecognizer(c));

    /// <summary>What a method is to the API model (cached per definition).</summary>
    internal RecognizedMethod Recognize(IMethodSymbol method)
    {
        IMethodSymbol definition = DefinitionOf(method);
        if (RecognizeDefinition(definition) is { } known)
        {
            return known;
        }

        // A user method with one body: what its summary says (a method on a cycle of calls, or one
        // whose summary is still being computed further up this call chain, is an unknown method).
        (MethodSummary? summary, bool final) = Summaries.Get(definition);
        RecognizedMethod recognized = summary is null ? RecognizedMethod.Unrelated : RecognizedMethod.ForSummary(summary);
        return final ? byDefinition.GetOrAdd(definition, recognized) : recognized;
    }

    /// <summary>
    /// What a method is to the API model when that needs no summary; null for a user method with a
    /// body that is no import or runtime method (only its summary can say).
    /// </summary>
    internal RecognizedMethod? RecognizeWithoutSummary(IMethodSymbol method) => RecognizeDefinition(DefinitionOf(method));

    private static IMethodSymbol DefinitionOf(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    /// <summary>The cached answer for a definition, else <see cref="ClassifyDefinition"/>.</summary>
    private RecognizedMethod? RecognizeDefinition(IMethodSymbol definition)
        => byDefinition.TryGetValue(definition, out RecognizedMethod? known) ? known : ClassifyDefinition(definition);

    /// <summary>Classifies a definition not in the cache and caches the answer; null (not cached) when only its summary can say.</summary>
    private RecognizedMethod? ClassifyDefinition(IMethodSymbol definition)
    {
        RecognizedMethod classified = Classify(definition);
        return classified != RecognizedMethod.Unrelated || !SummaryBody.IsCandidate(definition) ? byDefinition.GetOrAdd(definition, classified) : null;
    }

    /// <summary>The runtime's types this compilation sees (null where the runtime is not referenced).</summary>
    internal IEnumerable<INamedTypeSymbol?> RuntimeTypes()
    {
        yield return DrmExceptionType;
        yield return NativeMethodsType;
        foreach (INamedTypeSymbol? wrapper in wrapperTypes)
        {
            yield return wrapper;
        }
    }

    /// <summary>The msdrm.dll function a method binds to, or null when it is not a DRM call.</summary>
    internal DrmFunction? GetFunction(IMethodSymbol method) => Recognize(method).Function;

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
    internal bool IsThrowIfFailed(IMethodSymbol method) => Recognize(method).IsThrowIfFailed;

    /// <summary>True for a method declared by one of the runtime's types (namespace <c>MsDrm</c>).</summary>
    private bool IsRuntimeMethod(IMethodSymbol method)
    {
        INamedTypeSymbol type = method.ContainingType;
        return type is not null
            && (GetWrapperKind(type) is not null
                || SymbolEqualityComparer.Default.Equals(type, DrmExceptionType)
                || SymbolEqualityComparer.Default.Equals(type, NativeMethodsType));
    }

    /// <summary>
    /// The handle an argument of a call creates: a creating out parameter of an import, or an out/ref
    /// wrapper parameter of a runtime method. False for any other argument.
    /// </summary>
    internal bool TryGetCreatedHandle(RecognizedMethod method, IArgumentOperation argument, out HandleKind kind, out bool isWrapper)
    {
        kind = default;
        isWrapper = false;
        if (argument.Parameter is not { } parameter)
        {
            return false;
        }

        // out/ref, &h, or a pointer variable (CsWin32's friendly overloads pass a fixed uint*).
        bool byReference = parameter.RefKind is RefKind.Out or RefKind.Ref
            || OperationShapes.StripConversions(argument.Value) is IAddressOfOperation
            || parameter.Type is IPointerTypeSymbol;
        if (!byReference)
        {
            return false;
        }

        if (method.Function is { } function)
        {
            if (function.ParameterAt(parameter.Ordinal) is { Role: ParameterRole.Creates, Kind: HandleKind created })
            {
                // Into a SafeDrm*Handle or a user SafeHandle wrapper (out RightsHandle h): disposed, not closed.
                // A user SafeHandle that releases another kind is MSDRM004's, reported once on the type.
                if (Summaries.SafeHandles.KindOf(parameter.Type) is HandleKind released && released != created)
                {
                    return false;
                }

                kind = created;
                isWrapper = GetWrapperKind(parameter.Type) is not null || Summaries.SafeHandles.KindOf(parameter.Type) is not null;
                return true;
            }

            return false;
        }

        if (method.Summary?.CreationAt(parameter.Ordinal) is { } creation)
        {
            kind = creation.Kind;
            isWrapper = creation.IsWrapper;
            return true;
        }

        if (method.IsRuntime && GetWrapperKind(parameter.Type) is HandleKind wrapped)
        {
            kind = wrapped;
            isWrapper = true;
            return true;
        }

        return false;
    }

    /// <summary>The name a diagnostic gives a creating call: the export, or <c>Type.Method</c> for a runtime method.</summary>
    internal static string DisplayName(DrmFunction? function, IMethodSymbol method)
        => function?.Name ?? (method.ContainingType?.Name is { } type ? type + "." + method.Name : method.Name);

    private RecognizedMethod Classify(IMethodSymbol method)
    {
        bool isThrowIfFailed = (method.Name == "ThrowIfFailed" && SymbolEqualityComparer.Default.Equals(method.ContainingType, DrmExceptionType))
            || (method.Name == "ThrowExceptionForHR" && SymbolEqualityComparer.Default.Equals(method.ContainingType, MarshalType))
            || (method.Name == "ThrowOnFailure" && !method.IsStatic && HresultStruct.IsHresultStruct(method.ContainingType));
        DrmFunction? function = entryPoints.Of(method) is { } entryPoint && DrmApi.TryGet(entryPoint, out DrmFunction found) ? found : null;
        if (function is not null)
        {
            return new RecognizedMethod(function, isRuntime: false, canCreateHandle: function.Created.Length > 0, returnedWrapper: null, isAdopt: false, isThrowIfFailed);
        }

        if (!IsRuntimeMethod(method))
        {
            return isThrowIfFailed
                ? new RecognizedMethod(null, isRuntime: false, canCreateHandle: false, returnedWrapper: null, isAdopt: false, isThrowIfFailed: true)
                : RecognizedMethod.Unrelated;
        }

        HandleKind? returned = GetWrapperKind(method.ReturnType);
        bool outputsWrapper = false;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            outputsWrapper |= parameter.RefKind is RefKind.Out or RefKind.Ref && GetWrapperKind(parameter.Type) is not null;
        }

        bool isAdopt = method.Name == "Adopt" && method.IsStatic && GetWrapperKind(method.ContainingType) is not null;
        return new RecognizedMethod(null, isRuntime: true, canCreateHandle: returned is not null || outputsWrapper, returned, isAdopt, isThrowIfFailed);
    }
}
