using System.Text.Json;
using Coco.InitData.Measurements;

namespace Coco.InitData.Tool.Inputs;

/// <summary>The digest a manifest's annotation must carry: <c>sha256:&lt;hex&gt;</c>, or the build's initdata.json.</summary>
/// <param name="Algorithm">The digest's algorithm.</param>
/// <param name="Hex">The digest in lowercase hex.</param>
/// <param name="Source">Who expects it, as messages name it: <c>--expect-digest</c> for a literal, the quoted initdata.json path otherwise.</param>
internal sealed record ExpectedDigest(DigestAlgorithm Algorithm, string Hex, string Source)
{
    // initdata.json names a digest and a few paths: a file this large is not one.
    private const int MaxJsonBytes = 1024 * 1024;

    /// <summary><c>sha256:&lt;hex&gt;</c>, as digests are compared and shown.</summary>
    public string Text => Algorithm.Text(Hex);

    /// <summary>Parses the option value; null and a reason when it is neither form.</summary>
    public static ExpectedDigest? Parse(string value, out string problem)
    {
        problem = string.Empty;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && DigestAlgorithm.FromName(value[..colon]) is { } algorithm && InputFiles.Classify(value) == InputPathKind.Missing)
        {
            var hex = value[(colon + 1)..];
            if (hex.Length == algorithm.Length * 2 && hex.All(char.IsAsciiHexDigitLower))
            {
                return new ExpectedDigest(algorithm, hex, "--expect-digest");
            }

            problem = $"{algorithm.Name} needs {algorithm.Length * 2} lowercase hex digits after '{algorithm.Name}:'";
            return null;
        }

        switch (InputFiles.Classify(value))
        {
            case InputPathKind.Missing:
                problem = "use sha256:<hex> (sha384, sha512) or the path of the build's initdata.json";
                return null;
            case InputPathKind.Directory:
                problem = "it is a directory; name the build's initdata.json in it";
                return null;
            case InputPathKind.Special:
                // Never opened: a FIFO blocks until someone writes, and a device such as /dev/zero never ends.
                problem = "it is a FIFO, socket or device, not the build's initdata.json";
                return null;
        }

        try
        {
            using var stream = new FileStream(value, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > MaxJsonBytes)
            {
                problem = $"it is {stream.Length} bytes, more than any initdata.json ({MaxJsonBytes} bytes)";
                return null;
            }

            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            if (root.TryGetProperty("algorithm", out var name) && DigestAlgorithm.FromName(name.GetString() ?? string.Empty) is { } fromFile
                && root.TryGetProperty("digest", out var digest) && digest.GetString() is { } hex)
            {
                return new ExpectedDigest(fromFile, hex, "'" + value + "'");
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            problem = "it is not a readable initdata.json (" + e.Message + ")";
            return null;
        }

        problem = "it has no \"algorithm\" and \"digest\" (is it the build's initdata.json?)";
        return null;
    }
}
