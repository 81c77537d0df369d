using System.Linq;
using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.Hresults;

/// <summary>
/// The result types that carry msdrm.dll's 32-bit HRESULT: <c>int</c>, <c>uint</c>, an enum based on
/// either, and an HRESULT struct (a struct named <c>HRESULT</c>, any namespace, wrapping one <c>int</c>).
/// </summary>
internal static class HresultStruct
{
    internal static bool CarriesHresult(ITypeSymbol type)
    {
        if (Is32BitInteger(type))
        {
            return true;
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            return Is32BitInteger(underlying);
        }

        return IsHresultStruct(type);
    }

    /// <summary>CsWin32's <c>Windows.Win32.Foundation.HRESULT</c>, TerraFX's, or the user's own.</summary>
    internal static bool IsHresultStruct(ITypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Struct || type.Name != "HRESULT")
        {
            return false;
        }

        IFieldSymbol[] fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic).ToArray();
        return fields.Length == 1 && fields[0].Type.SpecialType == SpecialType.System_Int32;
    }

    private static bool Is32BitInteger(ITypeSymbol type)
        => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32;
}
