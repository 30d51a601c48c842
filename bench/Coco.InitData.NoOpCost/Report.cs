using System.Globalization;

namespace Coco.InitData.NoOpCost;

/// <summary>The table: medians per variant, and the paired differences against the baseline (the last variant).</summary>
internal static class Report
{
    public static void Print(IReadOnlyList<Variant> variants, List<Sample>[] samples, int rounds)
    {
        var baseline = samples[^1];
        Console.WriteLine(Invariant($"No-op build per project, in-process and warm ({variants[0].Projects.Count} projects x {rounds} rounds per variant; medians; differences paired project by project against {variants[^1].Name}, median [95% CI]):"));
        Console.WriteLine();
        Console.WriteLine("| variant | evaluation (KB) | build (KB) | total (KB) | allocated vs baseline, median [95% CI] | wall time (ms) | wall time vs baseline (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var v = 0; v < variants.Count; v++)
        {
            var own = samples[v];
            var bytes = Paired(own, baseline, s => s.TotalBytes / 1024.0);
            var wall = Paired(own, baseline, s => s.TotalMs);
            var baselineKb = Statistics.Median(baseline.Select(s => s.TotalBytes / 1024.0));
            var evaluationKb = Statistics.Median(own.Select(s => s.EvaluationBytes / 1024.0));
            var buildKb = Statistics.Median(own.Select(s => s.BuildBytes / 1024.0));
            var totalKb = Statistics.Median(own.Select(s => s.TotalBytes / 1024.0));
            var share = 100 * bytes.Median / baselineKb;
            var wallMs = Statistics.Median(own.Select(s => s.TotalMs));
            Console.WriteLine(Invariant($"| {variants[v].Name} | {evaluationKb:F1} | {buildKb:F1} | {totalKb:F1} | {bytes.Median:+0.0;-0.0;0} KB [{bytes.Low:F1}..{bytes.High:F1}] ({share:+0.00;-0.00;0}%) | {wallMs:F2} | {wall.Median:+0.00;-0.00;0} [{wall.Low:F2}..{wall.High:F2}] |"));
        }
    }

    private static (double Median, double Low, double High) Paired(List<Sample> own, List<Sample> baseline, Func<Sample, double> measure)
    {
        var differences = own.Zip(baseline, (a, b) => measure(a) - measure(b)).ToList();
        var (low, high) = Statistics.MedianInterval(differences);
        return (Statistics.Median(differences), low, high);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
