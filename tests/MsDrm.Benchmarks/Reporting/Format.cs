using System.Globalization;

namespace MsDrm.Benchmarks.Reporting;

internal static class Format
{
    internal static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Ms2(double ms) => double.IsNaN(ms) ? "-" : ms.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Megabytes (10^6 bytes), two decimals.</summary>
    internal static string Megabytes(double megabytes) => double.IsNaN(megabytes) ? "-" : megabytes.ToString("N2", CultureInfo.InvariantCulture);

    internal static string Ms3(double ms) => double.IsNaN(ms) ? "-" : ms.ToString("N3", CultureInfo.InvariantCulture);

    internal static string Percent(double ratio) => double.IsNaN(ratio) ? "-" : (ratio * 100).ToString("N2", CultureInfo.InvariantCulture) + " %";

    /// <summary>A ratio as "0.0123 (1/81)", so small and large ones both read easily.</summary>
    internal static string Ratio(double ratio) =>
        double.IsNaN(ratio) || double.IsInfinity(ratio) ? "-"
        : ratio.ToString("N4", CultureInfo.InvariantCulture) + (ratio > 0 && ratio < 1 ? $" (1/{(1 / ratio).ToString("N0", CultureInfo.InvariantCulture)})" : string.Empty);

    internal static string Verdict(bool met) => met ? "met" : "MISSED";
}
