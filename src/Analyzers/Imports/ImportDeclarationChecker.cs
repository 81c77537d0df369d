using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.ApiModel;
using MsDrm.Analyzers.Hresults;

namespace MsDrm.Analyzers.Imports;

/// <summary>
/// Compares msdrm.dll import declarations with the native contract (msdrm-api.md, "Native parameter
/// types"): a 32-bit HRESULT result, UTF-16 strings, 32-bit handles, created handles through a
/// pointer. Create one per compilation; the attribute types are resolved once.
/// </summary>
internal sealed class ImportDeclarationChecker
{
    private readonly DrmCallRecognizer recognizer;
    private readonly INamedTypeSymbol? dllImportAttribute;
    private readonly INamedTypeSymbol? libraryImportAttribute;
    private readonly INamedTypeSymbol? marshalAsAttribute;
    private readonly INamedTypeSymbol? marshalUsingAttribute;
    private readonly INamedTypeSymbol? stringBuilder;

    private ImportDeclarationChecker(Compilation compilation, DrmCallRecognizer recognizer)
    {
        this.recognizer = recognizer;
        dllImportAttribute = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.DllImportAttribute");
        libraryImportAttribute = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.LibraryImportAttribute");
        marshalAsAttribute = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.MarshalAsAttribute");
        marshalUsingAttribute = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.Marshalling.MarshalUsingAttribute");
        stringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
    }

    internal static ImportDeclarationChecker Create(Compilation compilation, DrmCallRecognizer recognizer) => new(compilation, recognizer);

    /// <summary>
    /// The import a method declares, with its mismatches; null when the method is no msdrm.dll import
    /// or its declaration is too broken to judge (error types, attributes with errors).
    /// </summary>
    internal ImportDeclaration? Check(IMethodSymbol method, CancellationToken cancellationToken)
    {
        // Imports are static, non-generic and outside generic types; anything else is a compile
        // error already, with nothing for this rule to add.
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || !method.IsStatic || method.IsGenericMethod
            || InGenericType(method) || HasErrorType(method) || HasSyntaxErrors(method, cancellationToken))
        {
            return null;
        }

        AttributeData? import = FindImportAttribute(method, out bool isLibraryImport, cancellationToken);
        DllImportData? dllImport = isLibraryImport ? null : method.GetDllImportData();
        if (import is null || (!isLibraryImport && dllImport is null) || recognizer.GetFunction(method) is not { } function)
        {
            return null;
        }

        var mismatches = ImmutableArray.CreateBuilder<ImportMismatch>();
        bool throwsOnFailure = !isLibraryImport && !PreservesSignature(import);
        if (ReturnMismatch(method, throwsOnFailure) is { } returnMismatch)
        {
            mismatches.Add(returnMismatch);
        }

        StringEncoding importDefault = isLibraryImport ? LibraryImportDefault(import) : DllImportDefault(dllImport!);
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (!AddStringMismatch(parameter, importDefault, isLibraryImport, mismatches, cancellationToken))
            {
                return null;
            }

            AddHandleMismatches(parameter, function.ParameterAt(parameter.Ordinal), mismatches);
        }

        return new ImportDeclaration(method, function, import, isLibraryImport, throwsOnFailure, mismatches.ToImmutable());
    }

    private AttributeData? FindImportAttribute(IMethodSymbol method, out bool isLibraryImport, CancellationToken cancellationToken)
    {
        isLibraryImport = false;
        foreach (AttributeData attribute in method.GetAttributes())
        {
            bool isDll = method.IsExtern && IsClass(attribute, dllImportAttribute);
            bool isLibrary = !method.IsExtern && method.IsPartialDefinition && IsClass(attribute, libraryImportAttribute);
            if (isDll || isLibrary)
            {
                isLibraryImport = isLibrary;
                return IsWellFormed(attribute, cancellationToken) ? attribute : null;
            }
        }

        return null;
    }

    /// <summary>False for <c>[DllImport(..., PreserveSig = false)]</c>: the runtime turns the HRESULT into an exception.</summary>
    private static bool PreservesSignature(AttributeData dllImport)
    {
        foreach (var argument in dllImport.NamedArguments)
        {
            if (argument.Key == "PreserveSig" && argument.Value.Value is bool preserve)
            {
                return preserve;
            }
        }

        return true;
    }

    private static ImportMismatch? ReturnMismatch(IMethodSymbol method, bool hresultThrows)
    {
        // The display string only when there is something to report: it is the costliest step.
        string TypeName() => method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (hresultThrows)
        {
            return method.ReturnsVoid ? null : new ImportMismatch(
                ImportMismatchKind.ReturnType,
                -1,
                $"return type '{TypeName()}' with PreserveSig = false stands for an out parameter msdrm.dll does not have (declare it void)");
        }

        return HresultStruct.CarriesHresult(method.ReturnType) ? null : new ImportMismatch(
            ImportMismatchKind.ReturnType,
            -1,
            $"return type '{TypeName()}' is not the 32-bit HRESULT msdrm.dll returns");
    }

    /// <summary>Adds the mismatch of a string parameter, if any; false when its <c>[MarshalAs]</c> has errors.</summary>
    private bool AddStringMismatch(IParameterSymbol parameter, StringEncoding importDefault, bool isLibraryImport, ImmutableArray<ImportMismatch>.Builder mismatches, CancellationToken cancellationToken)
    {
        StringShape shape = StringMarshallingReader.ShapeOf(parameter.Type, stringBuilder);
        if (shape == StringShape.None)
        {
            return true;
        }

        StringEncoding encoding = StringEncoding.Default;
        AttributeData? explicitAttribute = null;
        foreach (AttributeData attribute in parameter.GetAttributes())
        {
            if (IsClass(attribute, marshalAsAttribute))
            {
                if (!IsWellFormed(attribute, cancellationToken))
                {
                    return false;
                }

                encoding = StringMarshallingReader.FromMarshalAs(attribute, shape);
                explicitAttribute = attribute;
            }
            else if (isLibraryImport && IsClass(attribute, marshalUsingAttribute))
            {
                encoding = StringEncoding.UserChoice;
            }
        }

        if (encoding == StringEncoding.Default)
        {
            encoding = importDefault;
            explicitAttribute = null;
        }

        string? what = encoding switch
        {
            StringEncoding.Ansi => "is marshalled as ANSI",
            StringEncoding.Utf8 => "is marshalled as UTF-8",
            StringEncoding.Unspecified => "has no string marshalling",
            _ => null,
        };
        if (what is not null)
        {
            mismatches.Add(new ImportMismatch(
                ImportMismatchKind.StringNotUtf16,
                parameter.Ordinal,
                $"string parameter '{parameter.Name}' {what}; msdrm.dll expects UTF-16",
                explicitAttribute));
        }

        return true;
    }

    private static void AddHandleMismatches(IParameterSymbol parameter, DrmParameter? native, ImmutableArray<ImportMismatch>.Builder mismatches)
    {
        if (native?.Kind is null)
        {
            return;
        }

        ITypeSymbol value = parameter.Type is IPointerTypeSymbol pointer ? pointer.PointedAtType : parameter.Type;
        if (value.SpecialType is SpecialType.System_Int64 or SpecialType.System_UInt64)
        {
            mismatches.Add(new ImportMismatch(
                ImportMismatchKind.WideHandle,
                parameter.Ordinal,
                $"handle parameter '{parameter.Name}' is declared '{parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'; msdrm.dll handles are 32-bit"));
        }

        // An array is passed as a pointer to its first element: the native write lands in it.
        if (native.Role == ParameterRole.Creates && parameter.RefKind == RefKind.None
            && parameter.Type.TypeKind is not (TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Array))
        {
            mismatches.Add(new ImportMismatch(
                ImportMismatchKind.CreatedHandleByValue,
                parameter.Ordinal,
                $"created handle parameter '{parameter.Name}' is passed by value; msdrm.dll writes the new handle through a pointer (out)"));
        }
    }

    private static StringEncoding DllImportDefault(DllImportData dllImport)
        => dllImport.CharacterSet is CharSet.Unicode or CharSet.Auto ? StringEncoding.Utf16 : StringEncoding.Ansi;

    private static StringEncoding LibraryImportDefault(AttributeData libraryImport)
    {
        foreach (var argument in libraryImport.NamedArguments)
        {
            if (argument.Key == "StringMarshalling")
            {
                return StringMarshallingReader.AsInt(argument.Value.Value) switch
                {
                    UnmanagedTypeValues.StringMarshallingUtf16 => StringEncoding.Utf16,
                    UnmanagedTypeValues.StringMarshallingUtf8 => StringEncoding.Utf8,
                    UnmanagedTypeValues.StringMarshallingCustom => StringEncoding.UserChoice,
                    _ => StringEncoding.Unspecified,
                };
            }
        }

        return StringEncoding.Unspecified;
    }

    /// <summary>A declaration the parser had to repair (a missing name, an unclosed attribute): not judged.</summary>
    private static bool HasSyntaxErrors(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken).ContainsDiagnostics)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InGenericType(IMethodSymbol method)
    {
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasErrorType(IMethodSymbol method)
    {
        if (method.ReturnType.TypeKind == TypeKind.Error)
        {
            return true;
        }

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.Type.TypeKind == TypeKind.Error)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsClass(AttributeData attribute, INamedTypeSymbol? type)
        => type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

    /// <summary>An attribute the compiler could bind completely, written without syntax errors.</summary>
    private static bool IsWellFormed(AttributeData attribute, CancellationToken cancellationToken)
    {
        if (attribute.AttributeConstructor is null)
        {
            return false;
        }

        foreach (TypedConstant argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Error)
            {
                return false;
            }
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Value.Kind == TypedConstantKind.Error)
            {
                return false;
            }
        }

        return attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).ContainsDiagnostics != true;
    }
}
