namespace Coco.InitData.SecretDetection;

/// <summary>How unpredictable a text is, the measure secret scanners use to tell generated tokens from words.</summary>
internal static class ShannonEntropy
{
    /// <summary>Shannon entropy of <paramref name="value"/> in bits per character, as gitleaks computes it (0 for empty text).</summary>
    public static double Of(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.TryGetValue(c, out var n) ? n + 1 : 1;
        }

        return -counts.Values.Sum(n => (double)n / value.Length * Math.Log2((double)n / value.Length));
    }
}
