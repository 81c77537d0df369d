using MsDrm.Testing;

namespace MsDrm.Benchmarks.Corpus;

/// <summary>
/// Generates a deterministic corpus (fixed seed): the user's <c>Native</c> declarations, a shared
/// model file, and N service files of about 140 lines each where roughly one file in four has a
/// DRM method and everything else is ordinary code.
/// </summary>
internal static class CorpusGenerator
{
    /// <summary>The seed every corpus uses, so each run measures the same source text.</summary>
    internal const int Seed = 20261125;

    private const int TargetLines = 140;
    private const double DrmFileShare = 0.25;

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Globalization;
        using System.IO;
        using System.Linq;
        using System.Runtime.InteropServices;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using MsDrm;
        """;

    /// <summary>The files every corpus (and every worst case) compiles with.</summary>
    internal static IReadOnlyList<CorpusFile> SupportFiles { get; } = new[]
    {
        new CorpusFile(DrmDeclarations.FileName, DrmDeclarations.Source),
        new CorpusFile("Model.cs", "namespace Corpus;\n\npublic sealed record Order(string Customer, int Quantity, decimal Price);\n"),
        WrapperLayer.File,
    };

    /// <summary>The support files plus <paramref name="fileCount"/> generated service files.</summary>
    internal static IReadOnlyList<CorpusFile> Generate(int fileCount)
    {
        var random = new Random(Seed);
        var files = new List<CorpusFile>(SupportFiles);
        for (int i = 0; i < fileCount; i++)
        {
            files.Add(new CorpusFile($"Area{i % 20}/Service{i}.cs", ServiceFile(random, i)));
        }

        return files;
    }

    /// <summary>Usings and the file-scoped namespace every generated file starts with.</summary>
    internal static SourceWriter StartFile(string area)
    {
        var w = new SourceWriter();
        foreach (string line in Usings.Split('\n'))
        {
            w.Line(line);
        }

        return w.Line().Line($"namespace Corpus.{area};").Line();
    }

    private static string ServiceFile(Random random, int index)
    {
        SourceWriter w = StartFile($"Area{index % 20}");
        w.Open($"public static class Service{index}");
        int member = 0;
        int drmAt = random.NextDouble() < DrmFileShare ? random.Next(0, 3) : -1;
        while (w.LineCount < TargetLines - 12)
        {
            var templates = member == drmAt ? DrmCode.Members : OrdinaryCode.Members;
            templates[random.Next(templates.Length)](w, random, index * 100 + member);
            member++;
        }

        w.Close();
        return w.ToString();
    }
}
