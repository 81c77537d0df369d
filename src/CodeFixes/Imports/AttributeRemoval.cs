using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MsDrm.CodeFixes.Imports;

/// <summary>Removes attributes from attribute lists, dropping a list that becomes empty without losing indentation.</summary>
internal static class AttributeRemoval
{
    /// <summary>
    /// The lists without the attributes <paramref name="remove"/> picks. A removed list that shared its
    /// line with the code after it leaves its leading trivia (the indentation) in
    /// <paramref name="carried"/> when no kept list follows to take it: the caller puts it on the next token.
    /// </summary>
    internal static SyntaxList<AttributeListSyntax> Remove(
        SyntaxList<AttributeListSyntax> lists, Func<AttributeListSyntax, AttributeSyntax, bool> remove, out SyntaxTriviaList carried)
    {
        carried = default;
        var kept = new SyntaxList<AttributeListSyntax>();
        foreach (AttributeListSyntax list in lists)
        {
            var attributes = list.Attributes;
            foreach (AttributeSyntax attribute in list.Attributes)
            {
                if (remove(list, attribute))
                {
                    attributes = attributes.Remove(attributes[list.Attributes.IndexOf(attribute) - (list.Attributes.Count - attributes.Count)]);
                }
            }

            if (attributes.Count > 0)
            {
                AttributeListSyntax keptList = attributes.Count == list.Attributes.Count ? list : list.WithAttributes(attributes);
                kept = kept.Add(carried.Count == 0 ? keptList : keptList.WithLeadingTrivia(carried.AddRange(keptList.GetLeadingTrivia())));
                carried = default;
            }
            else if (!list.GetTrailingTrivia().Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EndOfLineTrivia))
            {
                carried = carried.AddRange(list.GetLeadingTrivia());
            }
        }

        return kept;
    }

    /// <summary>Puts <paramref name="carried"/> trivia before <paramref name="token"/>'s own leading trivia.</summary>
    internal static SyntaxToken Prepend(SyntaxToken token, SyntaxTriviaList carried)
        => carried.Count == 0 ? token : token.WithLeadingTrivia(carried.AddRange(token.LeadingTrivia));
}
