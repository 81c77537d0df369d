using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MsDrm.Analyzers;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.CodeFixes.Tests.Fakes;

/// <summary>
/// A stand-in for the real MSDRM001/MSDRM002 analyzers while they are written: coarse, syntax-level
/// rules that report with the documented properties. Used only until the real analyzers land.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FakeDrmAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor HandleNotClosed = new(DiagnosticIds.HandleNotClosed, "t", "Handle '{0}' created by '{1}' is not closed with '{2}' on every path", "Reliability", DiagnosticSeverity.Warning, true);
    private static readonly DiagnosticDescriptor HresultIgnored = new(DiagnosticIds.HresultIgnored, "t", "The HRESULT returned by '{0}' is ignored", "Reliability", DiagnosticSeverity.Warning, true);

    /// <summary>False once the real MSDRM002 analyzer runs beside this stand-in.</summary>
    public bool ReportsHresultIgnored { get; init; } = true;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ReportsHresultIgnored ? ImmutableArray.Create(HandleNotClosed, HresultIgnored) : ImmutableArray.Create(HandleNotClosed);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var recognizer = DrmCallRecognizer.Create(start.Compilation);
            start.RegisterOperationBlockAction(block =>
            {
                foreach (IOperation root in block.OperationBlocks)
                {
                    foreach (IInvocationOperation invocation in root.DescendantsAndSelf().OfType<IInvocationOperation>())
                    {
                        Analyze(block, recognizer, root, invocation);
                    }
                }
            });
        });
    }

    private void Analyze(OperationBlockAnalysisContext context, DrmCallRecognizer recognizer, IOperation root, IInvocationOperation invocation)
    {
        DrmFunction? function = recognizer.GetFunction(invocation.TargetMethod);
        if (ReportsHresultIgnored && function is not null && !function.IsClose && Ignored(root, invocation))
        {
            context.ReportDiagnostic(Diagnostic.Create(HresultIgnored, invocation.Syntax.GetLocation(), ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Function, function.Name).Add("IsClose", "false"), function.Name));
        }

        if (function is not null)
        {
            foreach (DrmParameter created in function.Created)
            {
                if (created.Index >= invocation.Arguments.Length || created.Kind is not HandleKind kind)
                {
                    continue;
                }

                IArgumentOperation argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == created.Index)!;
                ILocalSymbol? local = (argument?.Value as ILocalReferenceOperation)?.Local
                    ?? ((argument?.Value as IDeclarationExpressionOperation)?.Expression as ILocalReferenceOperation)?.Local;
                if (local is null || Released(root, local, recognizer, invocation))
                {
                    continue;
                }

                bool conditional = invocation.Parent is not IExpressionStatementOperation;
                Report(context, invocation, kind, local.Name, false, function.Name, conditional);
            }
        }

        HandleKind? wrapperKind = recognizer.GetWrapperKind(invocation.TargetMethod.ReturnType);
        if (wrapperKind is HandleKind wrapped && recognizer.IsRuntimeMethod(invocation.TargetMethod))
        {
            IOperation parent = invocation.Parent!;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent!;
            }

            switch (parent)
            {
                case IExpressionStatementOperation:
                    Report(context, invocation, wrapped, string.Empty, true, invocation.TargetMethod.Name, false);
                    break;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                    when declarator.Parent?.Parent?.Parent is not (IUsingDeclarationOperation or IUsingOperation)
                        && !WrapperReleased(root, declarator.Symbol):
                    Report(context, invocation, wrapped, declarator.Symbol.Name, true, invocation.TargetMethod.Name, false);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when assignment.Parent is IExpressionStatementOperation && !WrapperReleased(root, target.Local):
                    Report(context, invocation, wrapped, target.Local.Name, true, invocation.TargetMethod.Name, false);
                    break;
            }
        }
    }

    private static void Report(OperationBlockAnalysisContext context, IInvocationOperation invocation, HandleKind kind, string variable, bool isWrapper, string function, bool conditional)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Kind, kind.ToString())
            .Add(DiagnosticProperties.CloseFunction, kind.CloseFunction())
            .Add(DiagnosticProperties.SafeHandleType, kind.SafeHandleTypeName())
            .Add(DiagnosticProperties.Variable, variable)
            .Add(DiagnosticProperties.IsWrapper, isWrapper ? "true" : "false")
            .Add(DiagnosticProperties.Function, function)
            .Add(DiagnosticProperties.SuccessConditional, conditional ? "true" : "false");
        context.ReportDiagnostic(Diagnostic.Create(HandleNotClosed, invocation.Syntax.GetLocation(), properties, variable, function, kind.CloseFunction()));
    }

    private static bool Ignored(IOperation root, IInvocationOperation invocation)
    {
        IOperation parent = invocation.Parent!;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent!;
        }

        if (parent is IExpressionStatementOperation)
        {
            return true;
        }

        return parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
            && !root.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(r => SymbolEqualityComparer.Default.Equals(r.Local, declarator.Symbol));
    }

    /// <summary>Closed, adopted, returned or stored anywhere after the creating call: coarse but enough for a stand-in.</summary>
    private static bool Released(IOperation root, ILocalSymbol local, DrmCallRecognizer recognizer, IInvocationOperation creating)
    {
        foreach (ILocalReferenceOperation reference in root.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, local) || reference.Syntax.SpanStart < creating.Syntax.Span.End)
            {
                continue;
            }

            IOperation parent = reference.Parent!;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent!;
            }

            if (parent is IArgumentOperation { Parent: IInvocationOperation call }
                && (recognizer.GetFunction(call.TargetMethod)?.IsClose == true || call.TargetMethod.Name == "Adopt"))
            {
                return true;
            }

            if (parent is IReturnOperation || (parent is ISimpleAssignmentOperation assignment && assignment.Value == reference))
            {
                return true;
            }
        }

        return false;
    }

    private static bool WrapperReleased(IOperation root, ILocalSymbol local)
    {
        foreach (ILocalReferenceOperation reference in root.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
        {
            if (SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && (reference.Parent is IUsingOperation || reference.Parent is IReturnOperation
                    || reference.Parent is IInvocationOperation { TargetMethod.Name: "Dispose" }
                    || reference.Parent?.Parent is IUsingOperation))
            {
                return true;
            }
        }

        return false;
    }
}
