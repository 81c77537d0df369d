using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.Analyzers.Summaries;

/// <summary>
/// The user's own <c>SafeHandle</c> subclasses that are wrappers of a handle kind: their
/// <c>ReleaseHandle</c> passes <c>handle</c> to a close function (or to a method whose summary
/// closes that parameter). An instance of such a type, created by a DRM call into an out argument,
/// must be disposed like a <c>SafeDrm*Handle</c>. Worked out once per type and compilation.
/// </summary>
internal sealed class UserSafeHandles
{
    private readonly ConcurrentDictionary<ITypeSymbol, HandleKind?> kinds = new(SymbolEqualityComparer.Default);
    private readonly Compilation compilation;
    private readonly DrmCallRecognizer recognizer;
    private readonly INamedTypeSymbol? safeHandle;

    internal UserSafeHandles(Compilation compilation, DrmCallRecognizer recognizer)
    {
        this.compilation = compilation;
        this.recognizer = recognizer;
        safeHandle = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.SafeHandle");
    }

    /// <summary>The kind a user SafeHandle subclass releases, or null for any other type.</summary>
    internal HandleKind? KindOf(ITypeSymbol? type)
        => type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && safeHandle is not null && named.DeclaringSyntaxReferences.Length > 0
            ? kinds.GetOrAdd(named.OriginalDefinition, t => Released((INamedTypeSymbol)t))
            : null;

    private HandleKind? Released(INamedTypeSymbol type)
    {
        if (!DerivesFromSafeHandle(type))
        {
            return null;
        }

        for (INamedTypeSymbol? current = type; current is not null && current.DeclaringSyntaxReferences.Length > 0; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers("ReleaseHandle"))
            {
                if (member is IMethodSymbol { IsOverride: true, Parameters.Length: 0 } release
                    && SummaryBody.Of(release, compilation, CancellationToken.None) is { } body)
                {
                    return ClosedIn(body.Body);
                }
            }
        }

        return null;
    }

    private HandleKind? ClosedIn(IOperation body)
    {
        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            RecognizedMethod method = recognizer.Recognize(invocation.TargetMethod);
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || !IsHandleField(argument.Value))
                {
                    continue;
                }

                if (method.Function?.ParameterAt(parameter.Ordinal) is { Role: ParameterRole.Closes, Kind: HandleKind closed })
                {
                    return closed;
                }

                if (method.Summary is { } summary
                    && recognizer.Summaries.EffectOf(summary, parameter.Ordinal, out HandleKind? closedBy) == ParameterEffect.Closes)
                {
                    return closedBy;
                }
            }
        }

        return null;
    }

    /// <summary><c>handle</c>, <c>(uint)handle</c>, <c>(uint)handle.ToInt64()</c>: SafeHandle's field.</summary>
    private bool IsHandleField(IOperation value)
    {
        value = OperationShapes.StripConversions(value);
        if (value is IInvocationOperation { Instance: { } instance, Arguments.Length: 0 })
        {
            value = OperationShapes.StripConversions(instance);
        }

        return value is IFieldReferenceOperation { Field.Name: "handle" } field
            && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, safeHandle);
    }

    private bool DerivesFromSafeHandle(INamedTypeSymbol type)
    {
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
