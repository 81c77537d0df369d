namespace MsDrm.Benchmarks.Corpus;

/// <summary>
/// Sources that stress one analysis unit: a single method with thousands of statements, deep
/// nesting and many handles (the flow analysis' worst case), and one file holding hundreds of
/// DRM methods.
/// </summary>
internal static class WorstCaseGenerator
{
    private const int MaxDepth = 24;
    private const int MaxStatementsPerBlock = 40;

    /// <summary>One method of about <paramref name="statements"/> statements.</summary>
    internal static CorpusFile HugeMethod(int statements)
    {
        var random = new Random(CorpusGenerator.Seed);
        SourceWriter w = CorpusGenerator.StartFile("WorstCase");
        w.Open("public static class HugeMethod");
        w.Open("public static int Run(uint session, uint license, int x)");
        w.Line("int hr = 0;");
        var state = new State(random, statements);
        while (state.Budget > 0)
        {
            Block(w, state, depth: 0);
        }

        w.Line("return x + hr;");
        w.Close().Close();
        return new CorpusFile("WorstCase/HugeMethod.cs", w.ToString());
    }

    /// <summary>One class with <paramref name="methods"/> DRM methods, cycling through every template.</summary>
    internal static CorpusFile ManyDrmMethods(int methods)
    {
        var random = new Random(CorpusGenerator.Seed);
        SourceWriter w = CorpusGenerator.StartFile("WorstCase");
        w.Open("public static class ManyDrmMethods");
        for (int i = 0; i < methods; i++)
        {
            DrmCode.Members[i % DrmCode.Members.Length](w, random, i);
        }

        w.Close();
        return new CorpusFile("WorstCase/ManyDrmMethods.cs", w.ToString());
    }

    private static void Block(SourceWriter w, State s, int depth)
    {
        int count = s.Random.Next(3, MaxStatementsPerBlock);
        for (int i = 0; i < count && s.Budget > 0; i++)
        {
            int choice = s.Random.Next(10);
            if (choice < 3 && depth < MaxDepth)
            {
                Nested(w, s, depth);
            }
            else if (choice < 6)
            {
                Handle(w, s);
            }
            else
            {
                w.Line($"x = unchecked(x * 31 + {s.Next()});");
                s.Budget--;
            }
        }
    }

    private static void Nested(SourceWriter w, State s, int depth)
    {
        int n = s.Next();
        int kind = s.Random.Next(4);
        switch (kind)
        {
            case 0:
                w.Open($"if (x % {n % 7 + 2} == 0)");
                break;
            case 1:
                w.Open($"for (int i{n} = 0; i{n} < 3; i{n}++)");
                break;
            case 2:
                w.Open($"while (x > {n})");
                w.Line("x /= 2;");
                break;
            default:
                w.Open("try");
                break;
        }

        s.Budget--;
        Block(w, s, depth + 1);
        w.Close();
        if (kind == 3)
        {
            w.Open("finally").Line("x++;").Close();
            s.Budget--;
        }

        if (s.Random.Next(4) == 0)
        {
            w.Open("if (hr < 0)").Line("return hr;").Close();
            s.Budget -= 2;
        }
    }

    private static void Handle(SourceWriter w, State s)
    {
        int n = s.Next();
        switch (s.Random.Next(4))
        {
            case 0: // duplicated and closed on the success side
                w.Line($"hr = Native.DRMDuplicateSession(session, out uint h{n});");
                w.Open("if (hr >= 0)").Line($"x += (int)h{n};").Line($"_ = Native.DRMCloseSession(h{n});").Close();
                s.Budget -= 4;
                break;
            case 1: // leaked
                w.Line($"hr = Native.DRMGetUsers(license, {n % 9}u, out uint h{n});");
                w.Line($"x ^= (int)h{n};");
                s.Budget -= 2;
                break;
            case 2: // checked by throwing, closed later
                w.Line($"DrmException.ThrowIfFailed(Native.DRMDuplicateHandle(license, out uint h{n}));");
                w.Line($"x += (int)(h{n} % 5);");
                w.Line($"_ = Native.DRMCloseHandle(h{n});");
                s.Budget -= 3;
                break;
            default: // HRESULT dropped
                w.Line("Native.DRMRepair();");
                s.Budget--;
                break;
        }
    }

    private sealed class State(Random random, int budget)
    {
        private int counter;

        public Random Random { get; } = random;

        public int Budget { get; set; } = budget;

        public int Next() => ++counter;
    }
}
