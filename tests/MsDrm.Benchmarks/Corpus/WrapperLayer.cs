namespace MsDrm.Benchmarks.Corpus;

/// <summary>
/// The user's own wrapper layer, like dotnet/wpf's <c>SafeNativeMethods</c>: forwarding, creating and
/// closing helpers over <c>Native</c> that the service files call, so every corpus run also
/// summarises helpers (issue 12). Plus the helper-shaped worst cases.
/// </summary>
internal static class WrapperLayer
{
    /// <summary>The support file holding the wrappers.</summary>
    internal static CorpusFile File { get; } = new("SafeNativeMethods.cs", """
        using System;
        using MsDrm;

        namespace Corpus;

        internal static class SafeNativeMethods
        {
            internal static int IsActivated(uint session, uint flags) => Native.DRMIsActivated(session, flags, IntPtr.Zero);

            internal static int Duplicate(uint session, out uint copy) => Native.DRMDuplicateSession(session, out copy);

            internal static uint DuplicateOrThrow(uint session)
            {
                DrmException.ThrowIfFailed(Duplicate(session, out uint copy));
                return copy;
            }

            internal static int CloseSession(uint session)
            {
                if (session != 0)
                {
                    return Native.DRMCloseSession(session);
                }

                return 0;
            }
        }
        """);

    /// <summary>Service members that call the wrappers (correct, leaking, dropping).</summary>
    internal static void Closed(SourceWriter w, Random r, int id)
    {
        w.Open($"public static int WrappedCopy{id}(uint session)");
        w.Line("uint copy = SafeNativeMethods.DuplicateOrThrow(session);");
        w.Open("try");
        w.Line($"return SafeNativeMethods.IsActivated(copy, {r.Next(0, 4)}u);");
        w.Close();
        w.Open("finally");
        w.Line("SafeNativeMethods.CloseSession(copy);");
        w.Close();
        w.Close().Line();
    }

    internal static void Leaked(SourceWriter w, Random r, int id)
    {
        // MSDRM001 through the helper, MSDRM002 on the dropped forwarded HRESULT.
        w.Open($"public static void WrappedCheck{id}(uint session)");
        w.Line("DrmException.ThrowIfFailed(SafeNativeMethods.Duplicate(session, out uint copy));");
        w.Line($"SafeNativeMethods.IsActivated(copy, {r.Next(0, 4)}u);");
        w.Close().Line();
    }

    /// <summary>A chain of <paramref name="depth"/> forwarding helpers, each calling the next; the last calls msdrm.dll.</summary>
    internal static CorpusFile Chain(int depth)
    {
        SourceWriter w = CorpusGenerator.StartFile("WorstCase");
        w.Open("internal static class Chain");
        for (int i = 0; i < depth; i++)
        {
            string next = i == depth - 1 ? "Native.DRMDuplicateSession(session, out copy)" : $"Level{i + 1}(session, out copy)";
            w.Line($"internal static int Level{i}(uint session, out uint copy) => {next};");
        }

        w.Open("public static void Caller(uint session)");
        w.Line("Level0(session, out uint copy);");
        w.Close();
        w.Close();
        return new CorpusFile("WorstCase/Chain.cs", w.ToString());
    }

    /// <summary><paramref name="count"/> mutually recursive helpers (a cycle), called once.</summary>
    internal static CorpusFile Cycle(int count)
    {
        SourceWriter w = CorpusGenerator.StartFile("WorstCase");
        w.Open("internal static class Cycle");
        for (int i = 0; i < count; i++)
        {
            w.Open($"internal static int Step{i}(uint session, int n)");
            w.Line($"return n <= 0 ? Native.DRMIsActivated(session, 0u, IntPtr.Zero) : Step{(i + 1) % count}(session, n - 1);");
            w.Close();
        }

        w.Open("public static void Caller(uint session)");
        w.Line("Step0(session, 3);");
        w.Close();
        w.Close();
        return new CorpusFile("WorstCase/Cycle.cs", w.ToString());
    }

    /// <summary>One creating helper called from <paramref name="sites"/> call sites, half of them leaking.</summary>
    internal static CorpusFile ManyCallSites(int sites)
    {
        SourceWriter w = CorpusGenerator.StartFile("WorstCase");
        w.Open("internal static class ManyCallSites");
        w.Line("private static int Duplicate(uint session, out uint copy) => Native.DRMDuplicateSession(session, out copy);");
        for (int i = 0; i < sites; i += 10)
        {
            w.Open($"public static void Batch{i}(uint session)");
            for (int j = i; j < Math.Min(i + 10, sites); j++)
            {
                w.Line($"DrmException.ThrowIfFailed(Duplicate(session, out uint copy{j}));");
                if (j % 2 == 0)
                {
                    w.Line($"Native.DRMCloseSession(copy{j});");
                }
            }

            w.Close();
        }

        w.Close();
        return new CorpusFile("WorstCase/ManyCallSites.cs", w.ToString());
    }
}
