using Microsoft.CodeAnalysis;
using MsDrm.Analyzers.Imports;

namespace MsDrm.CodeFixes.Imports;

/// <summary>One MSDRM007 fix kind: rewrites the declaration so one kind of mismatch is gone.</summary>
internal abstract class ImportFixer
{
    internal abstract ImportMismatchKind Kind { get; }

    internal abstract string EquivalenceKey { get; }

    /// <summary>True when the edit changes the signature callers see: offered only when they still compile.</summary>
    internal abstract bool ChangesCallers { get; }

    internal abstract string Title(ImportDeclaration import);

    /// <summary>The new root, or null when the fix cannot be made on this code.</summary>
    internal abstract SyntaxNode? Rewrite(ImportFixInput input);
}
