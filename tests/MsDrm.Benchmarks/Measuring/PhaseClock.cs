using System.Diagnostics;

namespace MsDrm.Benchmarks.Measuring;

/// <summary>
/// Wall time and process CPU time of one phase. On a shared machine wall time grows with other
/// people's load; CPU time of a single-threaded phase mostly does not, so both are kept.
/// </summary>
internal sealed class PhaseClock
{
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private TimeSpan cpuStart = ProcessCpu();

    internal void Restart()
    {
        cpuStart = ProcessCpu();
        wall.Restart();
    }

    /// <summary>Milliseconds since the last (re)start: wall clock and CPU.</summary>
    internal (double WallMs, double CpuMs) Elapsed()
    {
        double wallMs = wall.Elapsed.TotalMilliseconds;
        return (wallMs, (ProcessCpu() - cpuStart).TotalMilliseconds);
    }

    /// <summary>The system's 1-minute load average, when /proc tells it (Linux), else null.</summary>
    internal static string? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
