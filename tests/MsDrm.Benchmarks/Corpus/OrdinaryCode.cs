namespace MsDrm.Benchmarks.Corpus;

/// <summary>
/// Members of everyday application code: the bulk of every corpus file, so the analyzers are
/// measured on code where DRM calls are rare, as in a real program.
/// </summary>
internal static class OrdinaryCode
{
    /// <summary>Every member template; the generator picks among them with its seeded random.</summary>
    internal static readonly Action<SourceWriter, Random, int>[] Members =
    {
        Strings, Linq, Loops, Streams, AsyncIo, LargeSwitch, NestedTry, Disposables,
    };

    private static void Strings(SourceWriter w, Random r, int id)
    {
        w.Open($"public static string Describe{id}(string name, int count, IEnumerable<string> tags)");
        w.Line("var builder = new StringBuilder();");
        w.Line($"builder.Append(name.Trim().ToUpperInvariant()).Append(':').Append(count * {r.Next(2, 9)});");
        w.Open("foreach (var tag in tags)");
        w.Open("if (string.IsNullOrWhiteSpace(tag))");
        w.Line("continue;");
        w.Close();
        w.Line("builder.Append(\", \").Append(tag.Replace(\"-\", \"_\", StringComparison.Ordinal));");
        w.Close();
        w.Line($"var parts = builder.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);");
        w.Line($"return string.Join(\"|\", parts) + $\" ({{parts.Length}} of {r.Next(10, 99)})\";");
        w.Close().Line();
    }

    private static void Linq(SourceWriter w, Random r, int id)
    {
        w.Open($"public static Dictionary<string, int> Summarize{id}(IReadOnlyList<Order> orders)");
        w.Line("return orders");
        w.Line($"    .Where(o => o.Quantity > {r.Next(0, 5)} && !o.Customer.StartsWith(\"test\", StringComparison.Ordinal))");
        w.Line("    .GroupBy(o => o.Customer)");
        w.Line("    .Select(g => new { Customer = g.Key, Total = g.Sum(o => o.Quantity * o.Price) })");
        w.Line($"    .OrderByDescending(x => x.Total).ThenBy(x => x.Customer).Take({r.Next(5, 50)})");
        w.Line("    .ToDictionary(x => x.Customer, x => (int)x.Total);");
        w.Close().Line();
    }

    private static void Loops(SourceWriter w, Random r, int id)
    {
        w.Open($"public static long Accumulate{id}(int[] values)");
        w.Line("long total = 0;");
        w.Open("for (int i = 0; i < values.Length; i++)");
        w.Line($"int j = i % {r.Next(3, 11)};");
        w.Open("while (j-- > 0)");
        w.Line("total += values[i] ^ j;");
        w.Close();
        w.Open("if (total > int.MaxValue)");
        w.Line("break;");
        w.Close();
        w.Close();
        w.Line("do { total >>= 1; } while (total > 1_000_000);");
        w.Line("return total;");
        w.Close().Line();
    }

    private static void Streams(SourceWriter w, Random r, int id)
    {
        w.Open($"public static int CountLines{id}(string path)");
        w.Line("using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);");
        w.Line("using var reader = new StreamReader(stream, Encoding.UTF8);");
        w.Line("int lines = 0;");
        w.Line("string line;");
        w.Open("while ((line = reader.ReadLine()) != null)");
        w.Line($"if (line.Length > {r.Next(1, 80)}) lines++;");
        w.Close();
        w.Open("using (var copy = new MemoryStream())");
        w.Line("stream.Position = 0;");
        w.Line("stream.CopyTo(copy);");
        w.Line("lines += (int)(copy.Length % 7);");
        w.Close();
        w.Line("return lines;");
        w.Close().Line();
    }

    private static void AsyncIo(SourceWriter w, Random r, int id)
    {
        w.Open($"public static async Task<int> LoadAsync{id}(string path, CancellationToken token)");
        w.Line("var buffer = new byte[4096];");
        w.Line("await using var stream = File.OpenRead(path);");
        w.Line("int total = 0, read;");
        w.Open("while ((read = await stream.ReadAsync(buffer.AsMemory(), token).ConfigureAwait(false)) > 0)");
        w.Line("total += read;");
        w.Line($"await Task.Delay({r.Next(0, 3)}, token).ConfigureAwait(false);");
        w.Close();
        w.Line("var timer = new CancellationTokenSource(TimeSpan.FromSeconds(1));");
        w.Line("await Task.WhenAll(Task.Run(() => total++, timer.Token), Task.CompletedTask).ConfigureAwait(false);");
        w.Line("return total;");
        w.Close().Line();
        w.Open($"private static async Task<string> ReadAllAsync{id}(TextReader reader)");
        w.Line("var text = await reader.ReadToEndAsync().ConfigureAwait(false);");
        w.Line("return text.Length > 0 ? text : string.Empty;");
        w.Close().Line();
    }

    private static void LargeSwitch(SourceWriter w, Random r, int id)
    {
        int cases = r.Next(12, 30);
        w.Open($"public static string Classify{id}(int code)");
        w.Open("switch (code)");
        for (int i = 0; i < cases; i++)
        {
            w.Line($"case {i * 3}: return \"code-{i}\";");
        }

        w.Line($"case < 0: return code.ToString(CultureInfo.InvariantCulture);");
        w.Line("default: break;");
        w.Close();
        w.Line($"return code switch {{ > 1000 => \"big\", > 100 => \"medium\", _ => \"small-{id}\" }};");
        w.Close().Line();
    }

    private static void NestedTry(SourceWriter w, Random r, int id)
    {
        w.Open($"public static int Parse{id}(string text)");
        w.Open("try");
        w.Open("try");
        w.Line("return int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);");
        w.Close();
        w.Open("catch (FormatException) when (text.Length > 0)");
        w.Line($"return {r.Next(-9, 9)};");
        w.Close();
        w.Open("finally");
        w.Line("Trace.WriteLine(text);");
        w.Close();
        w.Close();
        w.Open("catch (OverflowException ex)");
        w.Line("Trace.WriteLine(ex.Message);");
        w.Line("throw new InvalidOperationException(\"overflow\", ex);");
        w.Close();
        w.Close().Line();
    }

    private static void Disposables(SourceWriter w, Random r, int id)
    {
        // Work for CA2000 and IDisposableAnalyzers: some disposables are disposed, some are not.
        w.Open($"public static long Measure{id}(byte[] data)");
        w.Line("var leaked = new MemoryStream(data);");
        w.Line("var writer = new StreamWriter(new MemoryStream());");
        w.Line($"writer.Write({r.Next(1, 100)});");
        w.Line("writer.Flush();");
        w.Open("using (var owned = new Resource" + id + "(data.Length))");
        w.Line("owned.Touch();");
        w.Close();
        w.Line("return leaked.Length + writer.BaseStream.Length;");
        w.Close().Line();
        w.Open($"private sealed class Resource{id} : IDisposable");
        w.Line("private readonly MemoryStream buffer;");
        w.Line("private bool disposed;");
        w.Line($"public Resource{id}(int size) => buffer = new MemoryStream(size);");
        w.Line("public void Touch() => buffer.WriteByte(1);");
        w.Open("public void Dispose()");
        w.Open("if (!disposed)");
        w.Line("buffer.Dispose();");
        w.Line("disposed = true;");
        w.Close();
        w.Close();
        w.Close().Line();
    }
}
