using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MsDrm.CodeFixes.Syntax;

/// <summary>
/// A list of statements that run in sequence and may hold declarations: a block, a switch section
/// or the top-level statements of a file. Fixes insert and wrap statements through it.
/// </summary>
internal sealed class StatementList
{
    private StatementList(SyntaxNode owner, IReadOnlyList<StatementSyntax> statements)
    {
        Owner = owner;
        Statements = statements;
    }

    /// <summary>The block, switch section or compilation unit.</summary>
    internal SyntaxNode Owner { get; }

    internal IReadOnlyList<StatementSyntax> Statements { get; }

    /// <summary>True when <c>using var</c> is allowed here (not directly in a switch section).</summary>
    internal bool AllowsUsingDeclaration => Owner is not SwitchSectionSyntax;

    /// <summary>The list a statement sits in directly, or null for an embedded statement.</summary>
    internal static StatementList? Containing(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => new StatementList(block, block.Statements),
        SwitchSectionSyntax section => new StatementList(section, section.Statements),
        GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => new StatementList(
            unit, unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList()),
        _ => null,
    };

    /// <summary>The list of a block (for a success branch).</summary>
    internal static StatementList Of(BlockSyntax block) => new(block, block.Statements);

    internal int IndexOf(StatementSyntax statement)
    {
        for (int i = 0; i < Statements.Count; i++)
        {
            if (Statements[i] == statement)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The new owner node with statements [start, end] replaced (end = start - 1 inserts).</summary>
    internal SyntaxNode ReplaceRange(int start, int end, IEnumerable<StatementSyntax> replacement)
    {
        var inserted = replacement.ToList();
        var list = new List<StatementSyntax>(Statements.Take(start));
        list.AddRange(inserted);
        list.AddRange(Statements.Skip(end + 1));
        switch (Owner)
        {
            case BlockSyntax block:
                return block.WithStatements(SyntaxFactory.List(list));
            case SwitchSectionSyntax section:
                return section.WithStatements(SyntaxFactory.List(list));
            default:
                var unit = (CompilationUnitSyntax)Owner;
                return ReplaceGlobalStatements(unit, start, end, inserted);
        }
    }

    private CompilationUnitSyntax ReplaceGlobalStatements(CompilationUnitSyntax unit, int start, int end, IEnumerable<StatementSyntax> replacement)
    {
        // Members of the range are global statements; keep every other member where it was.
        var members = unit.Members;
        var globals = members.OfType<GlobalStatementSyntax>().ToList();
        int insertAt = start < globals.Count ? members.IndexOf(globals[start]) : LastGlobalIndex(members) + 1;
        var removed = new HashSet<MemberDeclarationSyntax>(globals.Skip(start).Take(end - start + 1));
        var result = new List<MemberDeclarationSyntax>();
        for (int i = 0; i <= members.Count; i++)
        {
            if (i == insertAt)
            {
                result.AddRange(replacement.Select(s => SyntaxFactory.GlobalStatement(s)));
            }

            if (i < members.Count && !removed.Contains(members[i]))
            {
                result.Add(members[i]);
            }
        }

        return unit.WithMembers(SyntaxFactory.List(result));
    }

    private static int LastGlobalIndex(SyntaxList<MemberDeclarationSyntax> members)
    {
        for (int i = members.Count - 1; i >= 0; i--)
        {
            if (members[i] is GlobalStatementSyntax)
            {
                return i;
            }
        }

        return -1;
    }
}
