using Microsoft.CodeAnalysis;

namespace MsDrm.Analyzers.Imports;

/// <summary>Reads the encoding of string parameters from their type and <c>[MarshalAs]</c>.</summary>
internal static class StringMarshallingReader
{
    internal static StringShape ShapeOf(ITypeSymbol type, INamedTypeSymbol? stringBuilder)
    {
        switch (type)
        {
            case IArrayTypeSymbol { Rank: 1, ElementType: var element }:
                return element.SpecialType switch
                {
                    SpecialType.System_String => StringShape.TextArray,
                    SpecialType.System_Char => StringShape.CharArray,
                    _ => StringShape.None,
                };
            case { SpecialType: SpecialType.System_String }:
                return StringShape.Text;
            case { SpecialType: SpecialType.System_Char }:
                return StringShape.Char;
            default:
                return stringBuilder is not null && SymbolEqualityComparer.Default.Equals(type, stringBuilder)
                    ? StringShape.Text
                    : StringShape.None;
        }
    }

    /// <summary>
    /// The encoding a <c>[MarshalAs]</c> gives a parameter of <paramref name="shape"/>: arrays are read
    /// through <c>ArraySubType</c>; a type that says nothing about text (<c>ByValTStr</c>, <c>LPArray</c>
    /// without a sub type) leaves the import's default.
    /// </summary>
    internal static StringEncoding FromMarshalAs(AttributeData marshalAs, StringShape shape)
    {
        int? unmanagedType = marshalAs.ConstructorArguments.Length == 1 ? AsInt(marshalAs.ConstructorArguments[0].Value) : null;
        if (unmanagedType == UnmanagedTypeValues.CustomMarshaler)
        {
            return StringEncoding.UserChoice;
        }

        if (shape is StringShape.TextArray or StringShape.CharArray)
        {
            foreach (var argument in marshalAs.NamedArguments)
            {
                if (argument.Key == "ArraySubType")
                {
                    return Classify(AsInt(argument.Value.Value), shape == StringShape.TextArray ? StringShape.Text : StringShape.Char);
                }
            }

            return StringEncoding.Default;
        }

        return Classify(unmanagedType, shape);
    }

    private static StringEncoding Classify(int? unmanagedType, StringShape element)
    {
        if (element == StringShape.Char)
        {
            return unmanagedType switch
            {
                UnmanagedTypeValues.U2 or UnmanagedTypeValues.I2 => StringEncoding.Utf16,
                UnmanagedTypeValues.U1 or UnmanagedTypeValues.I1 => StringEncoding.Ansi,
                _ => StringEncoding.Default,
            };
        }

        return unmanagedType switch
        {
            UnmanagedTypeValues.LPWStr or UnmanagedTypeValues.LPTStr or UnmanagedTypeValues.BStr
                or UnmanagedTypeValues.TBStr or UnmanagedTypeValues.HString => StringEncoding.Utf16,
            UnmanagedTypeValues.LPStr or UnmanagedTypeValues.AnsiBStr or UnmanagedTypeValues.VBByRefStr => StringEncoding.Ansi,
            UnmanagedTypeValues.LPUTF8Str => StringEncoding.Utf8,
            _ => StringEncoding.Default,
        };
    }

    /// <summary>An enum or integer constant as an int (<c>MarshalAs</c> has an <c>UnmanagedType</c> and a <c>short</c> constructor).</summary>
    internal static int? AsInt(object? value) => value switch
    {
        int i => i,
        short s => s,
        _ => null,
    };
}
