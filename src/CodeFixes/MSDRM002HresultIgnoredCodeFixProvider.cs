using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using MsDrm.Analyzers;

namespace MsDrm.CodeFixes;

/// <summary>
/// Fixes MSDRM002: passes the HRESULT to <c>DrmException.ThrowIfFailed</c> (or
/// <c>Marshal.ThrowExceptionForHR</c> when the runtime is not referenced).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MSDRM002HresultIgnoredCodeFixProvider)), Shared]
public sealed class MSDRM002HresultIgnoredCodeFixProvider : DrmCodeFixProvider
{
    /// <summary>Creates the provider (parameterless: dotnet format and the IDE create it by reflection).</summary>
    public MSDRM002HresultIgnoredCodeFixProvider()
        : base(DiagnosticIds.HresultIgnored, new ThrowIfFailedFixer())
    {
    }
}
