using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.Analyzers.SafeHandles;

/// <summary>
/// MSDRM004's check of the user's SafeHandle subclasses: a close of <c>handle</c> inside a subclass's
/// <c>ReleaseHandle</c> is compared with the kinds the compilation's imports create into that type (their
/// created out/ref parameters declared as it). Those kinds come from one walk over the declared methods of
/// the compilation's own source (symbols only, no body is bound), made once per compilation and only when a
/// ReleaseHandle closes <c>handle</c>: reporting at the close call itself keeps the diagnostic live in the
/// IDE, which a compilation-end action would not.
/// </summary>
internal sealed class ReleaseHandleAudit
{
    private static readonly ConditionalWeakTable<Compilation, ReleaseHandleAudit> ByCompilation = new();

    private readonly Compilation compilation;
    private readonly DrmCallRecognizer recognizer;
    private readonly INamedTypeSymbol? safeHandle;
    private readonly IFieldSymbol? handleField;
    private readonly Lazy<Dictionary<INamedTypeSymbol, int>> createdKinds;

    private ReleaseHandleAudit(Compilation compilation, DrmCallRecognizer recognizer)
    {
        this.compilation = compilation;
        this.recognizer = recognizer;
        safeHandle = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.SafeHandle");
        handleField = safeHandle?.GetMembers("handle").OfType<IFieldSymbol>().FirstOrDefault();
        createdKinds = new Lazy<Dictionary<INamedTypeSymbol, int>>(CollectCreatedKinds);
    }

    /// <summary>The audit of a compilation, built on first use and kept while the compilation lives.</summary>
    internal static ReleaseHandleAudit For(Compilation compilation, DrmCallRecognizer recognizer)
        => ByCompilation.GetValue(compilation, c => new ReleaseHandleAudit(c, recognizer));

    /// <summary>
    /// For a close call that closes <c>handle</c> in a subclass's <c>ReleaseHandle</c> with another kind's
    /// function than the one kind the imports create into the type: that kind; else null.
    /// </summary>
    internal HandleKind? CreatedKindIfWrong(ISymbol containingSymbol, IInvocationOperation invocation, DrmFunction function)
    {
        if (handleField is null
            || containingSymbol is not IMethodSymbol { Name: "ReleaseHandle", IsOverride: true, Parameters.Length: 0 } release
            || !IsSourceSubclass(release.ContainingType)
            || function.Closed is not { Kind: HandleKind closed } parameter
            || !ClosesHandleField(invocation, parameter))
        {
            return null;
        }

        return createdKinds.Value.TryGetValue(release.ContainingType, out int kinds)
            && HandleKindMask.Single(kinds) is HandleKind created && created != closed
            ? created
            : null;
    }

    private bool ClosesHandleField(IInvocationOperation invocation, DrmParameter closed)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == closed.Index && IsHandleField(argument.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every source import whose creating out/ref parameter is a SafeHandle subclass of the compilation.</summary>
    private Dictionary<INamedTypeSymbol, int> CollectCreatedKinds()
    {
        var kinds = new Dictionary<INamedTypeSymbol, int>(SymbolEqualityComparer.Default);
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (ISymbol member in pending.Pop().GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol container:
                        pending.Push(container);
                        break;
                    case IMethodSymbol method when method.IsExtern || method.IsPartialDefinition:
                        AddCreatedKinds(method, kinds);
                        break;
                }
            }
        }

        return kinds;
    }

    private void AddCreatedKinds(IMethodSymbol method, Dictionary<INamedTypeSymbol, int> kinds)
    {
        if (recognizer.GetFunction(method) is not { Created.Length: > 0 } function)
        {
            return;
        }

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.RefKind is RefKind.Out or RefKind.Ref
                && function.ParameterAt(parameter.Ordinal) is { Role: ParameterRole.Creates, Kind: HandleKind kind }
                && parameter.Type is INamedTypeSymbol type && IsSourceSubclass(type))
            {
                kinds.TryGetValue(type, out int known);
                kinds[type] = known | HandleKindMask.Of(kind);
            }
        }
    }
    /// <summary><c>handle</c>, through casts and IntPtr's own conversions (<c>(uint)handle.ToInt64()</c>).</summary>
    private bool IsHandleField(IOperation value)
    {
        IOperation current = OperationShapes.StripConversions(value);
        while (current is IInvocationOperation { Instance: { } instance, TargetMethod: { Parameters.Length: 0 } method }
            && method.ContainingType?.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr)
        {
            current = OperationShapes.StripConversions(instance);
        }

        return current is IFieldReferenceOperation field && SymbolEqualityComparer.Default.Equals(field.Field.OriginalDefinition, handleField);
    }

    private bool IsSourceSubclass(INamedTypeSymbol? type)
    {
        if (type is null || !type.Locations.Any(location => location.IsInSource))
        {
            return false;
        }

        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, safeHandle))
            {
                return true;
            }
        }

        return false;
    }
}
