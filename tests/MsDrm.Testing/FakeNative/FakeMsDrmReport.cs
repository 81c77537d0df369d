namespace MsDrm.Testing.FakeNative;

/// <summary>The counts a child process's fake wrote at exit (see <see cref="FakeMsDrm.PrepareChildProcess"/>).</summary>
/// <param name="Values">Every <c>name=value</c> line: session, handle, pub, environment, query, live, created, closed, double_close, wrong_kind_close, use_after_close, order_violation.</param>
public sealed record FakeMsDrmReport(IReadOnlyDictionary<string, long> Values)
{
    /// <summary>Open handles of every kind at exit.</summary>
    public long Live => Values.GetValueOrDefault("live");

    /// <summary>Double closes during the run.</summary>
    public long DoubleCloses => Values.GetValueOrDefault("double_close");

    /// <summary>Uses of closed handles during the run.</summary>
    public long UseAfterClose => Values.GetValueOrDefault("use_after_close");

    /// <summary>Parents closed while a child made from them was still open, during the run.</summary>
    public long OrderViolations => Values.GetValueOrDefault("order_violation");

    /// <summary>Reads a report file.</summary>
    public static FakeMsDrmReport Read(string path) => new(
        File.ReadAllLines(path)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => long.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)));

    /// <inheritdoc />
    public override string ToString() => string.Join(" ", Values.Select(pair => $"{pair.Key}={pair.Value}"));
}
