using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MsDrm.Analyzers.Hresults;

/// <summary>Operation helpers that the analyzers and the code fixes both need.</summary>
internal static class OperationShapes
{
    /// <summary>
    /// The operand under any chain of conversions (implicit or explicit), and under the <c>Value</c>
    /// of an HRESULT struct, which is the same number (<c>hr.Value &lt; 0</c> tests <c>hr</c>).
    /// </summary>
    internal static IOperation StripConversions(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IMemberReferenceOperation { Member.Name: "Value", Instance: { Type: { } type } instance }
                    when operation is IFieldReferenceOperation or IPropertyReferenceOperation && HresultStruct.IsHresultStruct(type):
                    operation = instance;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// The HRESULT a throwing helper checks: the receiver of an instance method (<c>hr.ThrowOnFailure()</c>,
    /// whose first argument is the error info), else the first argument (<c>ThrowIfFailed(hr)</c>, also
    /// an extension method called on the value).
    /// </summary>
    internal static IOperation? ThrownHresult(IInvocationOperation invocation)
        => invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
}
