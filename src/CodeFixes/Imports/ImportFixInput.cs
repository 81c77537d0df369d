using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.Imports;

namespace MsDrm.CodeFixes.Imports;

/// <summary>What one MSDRM007 rewrite needs: the declaration, its import as checked, the model.</summary>
internal sealed class ImportFixInput
{
    internal ImportFixInput(SyntaxNode root, SemanticModel model, MethodDeclarationSyntax declaration, MethodDeclarationSyntax? implementation, ImportDeclaration import)
    {
        Root = root;
        Model = model;
        Declaration = declaration;
        Implementation = implementation;
        Import = import;
    }

    internal SyntaxNode Root { get; }

    internal SemanticModel Model { get; }

    /// <summary>The declaration the diagnostic is on (the <c>extern</c> method or the <c>[LibraryImport]</c> definition).</summary>
    internal MethodDeclarationSyntax Declaration { get; }

    /// <summary>The implementation part of a <c>[LibraryImport]</c> partial when it sits in the same file (hand-written stand-ins).</summary>
    internal MethodDeclarationSyntax? Implementation { get; }

    internal ImportDeclaration Import { get; }

    /// <summary>The declaration and, when present in this file, the implementation part: signature edits go to both.</summary>
    internal IEnumerable<MethodDeclarationSyntax> SignatureParts()
    {
        yield return Declaration;
        if (Implementation is not null)
        {
            yield return Implementation;
        }
    }
}
