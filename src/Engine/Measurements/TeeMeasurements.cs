using System.Security.Cryptography;

namespace Coco.InitData.Measurements;

/// <summary>
/// The initdata digest and how each TEE binds it: the digest truncated or zero-padded to the field's size,
/// and for vTPM (peer pods) PCR8 extended once from zero, which the Attestation Agent only does for sha256.
/// </summary>
public sealed class TeeMeasurements
{
    private TeeMeasurements(DigestAlgorithm algorithm, byte[] digest, IReadOnlyList<TeeField> fields)
    {
        Algorithm = algorithm;
        Digest = digest;
        Fields = fields;
    }

    /// <summary>The document's algorithm.</summary>
    public DigestAlgorithm Algorithm { get; }

    /// <summary>H(document bytes).</summary>
    internal byte[] Digest { get; }

    /// <summary>Lowercase hex of <see cref="Digest"/>.</summary>
    internal string DigestHex => Convert.ToHexString(Digest).ToLowerInvariant();

    /// <summary>The digest as printed and compared: <c>sha256:&lt;hex&gt;</c>.</summary>
    public string DigestText => Algorithm.Text(DigestHex);

    /// <summary>Per-TEE values, in a fixed order: snp, tdx, cca, then vtpm when sha256.</summary>
    public IReadOnlyList<TeeField> Fields { get; }

    /// <summary>Computes the digest of the exact bytes and every TEE value.</summary>
    public static TeeMeasurements Compute(DigestAlgorithm algorithm, byte[] documentBytes)
    {
        var digest = algorithm.Hash(documentBytes);
        var fields = new List<TeeField>
        {
            new("snp", "HOST_DATA", Fit(digest, 32)),
            new("tdx", "MRCONFIGID", Fit(digest, 48)),
            new("cca", "RPV", Fit(digest, 64)),
        };
        if (algorithm == DigestAlgorithm.Sha256)
        {
            // PCR8 = SHA256(32 zero bytes || D): one extend of a reset PCR.
            var extend = new byte[64];
            digest.CopyTo(extend, 32);
            fields.Add(new TeeField("vtpm", "PCR8", SHA256.HashData(extend)));
        }

        return new TeeMeasurements(algorithm, digest, fields);
    }

    private static byte[] Fit(byte[] digest, int size)
    {
        var field = new byte[size];
        Array.Copy(digest, field, Math.Min(size, digest.Length));
        return field;
    }
}
