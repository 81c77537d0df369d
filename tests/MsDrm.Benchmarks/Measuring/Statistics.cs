namespace MsDrm.Benchmarks.Measuring;

internal static class Statistics
{
    /// <summary>The median (mean of the middle two for an even count); NaN when there is no value.</summary>
    internal static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary><paramref name="part"/> / <paramref name="whole"/>, or NaN when the whole is zero.</summary>
    internal static double Ratio(double part, double whole) => whole > 0 ? part / whole : double.NaN;
}
