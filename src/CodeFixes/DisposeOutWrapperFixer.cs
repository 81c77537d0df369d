using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MsDrm.Analyzers.ApiModel;
using MsDrm.CodeFixes.Syntax;

namespace MsDrm.CodeFixes;

/// <summary>
/// MSDRM001 on a <c>SafeDrm*Handle</c> created into an out argument
/// (<c>SafeDrmPubHandle.TryGetUser(license, i, out SafeDrmPubHandle user)</c>): <c>using (user) { ... }</c>
/// from where the wrapper exists to its last use, like a raw handle's block.
/// </summary>
internal sealed class DisposeOutWrapperFixer : RawHandleFixer
{
    internal override string EquivalenceKey => FixKinds.DisposeWrapper;

    protected override bool HandlesWrappers => true;

    // using (user) keeps the value it started with.
    protected override bool AllowsRewriteInRange => true;

    internal override string Title(LeakFacts facts) => $"Dispose '{facts.Variable}' with a using statement";

    protected override bool IsAvailable(FixInput input, HandleKind kind, int position)
    {
        string name = input.Facts.Variable;
        return name.Length > 0 && SymbolReferences.FindWrittenArgument(input.Invocation, name, input.Model, input.CancellationToken) is not null;
    }

    protected override StatementSyntax? Enclose(FixInput input, HandleKind kind, ISymbol handle, int position, List<StatementSyntax> body)
        => SyntaxFactory.UsingStatement(null, SyntaxFactory.IdentifierName(handle.Name), SyntaxFactory.Block(body));
}
