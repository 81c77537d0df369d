using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using MsDrm.Analyzers;

namespace MsDrm.CodeFixes;

/// <summary>
/// Fixes MSDRM001: disposes a <c>SafeDrm*Handle</c> with <c>using</c>; wraps a raw handle in
/// <c>using (SafeDrm*Handle.Adopt(h)) { ... }</c>, or closes it in a <c>finally</c> block with the
/// project's own close import.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MSDRM001HandleNotClosedCodeFixProvider)), Shared]
public sealed class MSDRM001HandleNotClosedCodeFixProvider : DrmCodeFixProvider
{
    /// <summary>Creates the provider (parameterless: dotnet format and the IDE create it by reflection).</summary>
    public MSDRM001HandleNotClosedCodeFixProvider()
        : base(DiagnosticIds.HandleNotClosed, new DisposeWrapperFixer(), new DisposeOutWrapperFixer(), new AdoptInUsingFixer(), new CloseInFinallyFixer())
    {
    }
}
