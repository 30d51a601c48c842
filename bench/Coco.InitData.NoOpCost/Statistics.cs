namespace Coco.InitData.NoOpCost;

/// <summary>Medians and their distribution-free confidence interval (as bench/build-overhead.sh computes them).</summary>
internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The median's 95% interval: order statistics k and n+1-k, k = floor(n/2 - 0.98 sqrt(n)), at least 1.</summary>
    public static (double Low, double High) MedianInterval(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var k = Math.Max(1, (int)Math.Floor((sorted.Length / 2.0) - (0.98 * Math.Sqrt(sorted.Length))));
        return (sorted[k - 1], sorted[sorted.Length - k]);
    }
}
