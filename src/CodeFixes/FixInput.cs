using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.ApiModel;

namespace MsDrm.CodeFixes;

/// <summary>Everything one rewrite step needs: the current tree, its model and the diagnostic's facts.</summary>
internal sealed class FixInput
{
    internal FixInput(Document document, SemanticModel model, SyntaxNode root, InvocationExpressionSyntax invocation, LeakFacts facts, CancellationToken cancellationToken)
    {
        Document = document;
        Model = model;
        Root = root;
        Invocation = invocation;
        Facts = facts;
        CancellationToken = cancellationToken;
        Lookups = CompilationLookups.For(model.Compilation);
    }

    internal Document Document { get; }

    internal SemanticModel Model { get; }

    internal SyntaxNode Root { get; }

    /// <summary>The invocation the diagnostic is reported on, in the current tree.</summary>
    internal InvocationExpressionSyntax Invocation { get; }

    internal LeakFacts Facts { get; }

    internal CancellationToken CancellationToken { get; }

    /// <summary>Lookups shared by every fix step on the same compilation.</summary>
    internal CompilationLookups Lookups { get; }

    internal DrmCallRecognizer Recognizer => Lookups.Recognizer;
}
