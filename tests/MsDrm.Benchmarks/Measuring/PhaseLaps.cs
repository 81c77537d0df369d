using System.Diagnostics;

namespace MsDrm.Benchmarks.Measuring;

/// <summary>Time and bytes allocated (this thread) per phase, summed over laps.</summary>
internal sealed class PhaseLaps(int phases)
{
    private long start;
    private long startBytes;

    internal long[] Ticks { get; } = new long[phases];

    internal long[] Bytes { get; } = new long[phases];

    internal void Start()
    {
        start = Stopwatch.GetTimestamp();
        startBytes = GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>Charges what passed since the last lap (or start) to <paramref name="phase"/>.</summary>
    internal void Lap(int phase)
    {
        long now = Stopwatch.GetTimestamp();
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        Ticks[phase] += now - start;
        Bytes[phase] += bytes - startBytes;
        start = now;
        startBytes = bytes;
    }
}
