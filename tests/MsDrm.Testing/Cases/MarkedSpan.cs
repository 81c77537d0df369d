using Microsoft.CodeAnalysis.Text;

namespace MsDrm.Testing.Cases;

/// <summary>One marked span: a diagnostic id, or <c>#n</c> for the n-th additional location.</summary>
public sealed record MarkedSpan(string Label, TextSpan Span);
