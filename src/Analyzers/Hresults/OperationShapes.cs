using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.Hresults;

/// <summary>Operation helpers that the analyzers and the code fixes both need.</summary>
internal static class OperationShapes
{
    /// <summary>The operand under any chain of conversions (implicit or explicit).</summary>
    internal static IOperation StripConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
