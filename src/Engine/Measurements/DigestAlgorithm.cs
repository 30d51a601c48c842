using System.Security.Cryptography;

namespace Coco.InitData.Measurements;

/// <summary>The initdata <c>algorithm</c>: spelled exactly as the guest accepts it.</summary>
public sealed class DigestAlgorithm
{
    /// <summary>sha256 (the default; the only one vTPM PCR8 binding accepts).</summary>
    internal static readonly DigestAlgorithm Sha256 = new("sha256", 32, SHA256.HashData);

    /// <summary>sha384 (fills TDX MRCONFIGID exactly).</summary>
    internal static readonly DigestAlgorithm Sha384 = new("sha384", 48, SHA384.HashData);

    /// <summary>sha512 (fills Arm CCA's personalization value exactly).</summary>
    public static readonly DigestAlgorithm Sha512 = new("sha512", 64, SHA512.HashData);

    private readonly Func<byte[], byte[]> _hash;

    private DigestAlgorithm(string name, int length, Func<byte[], byte[]> hash)
    {
        Name = name;
        Length = length;
        _hash = hash;
    }

    /// <summary>The spelling in the document.</summary>
    public string Name { get; }

    /// <summary>Digest length in bytes.</summary>
    public int Length { get; }

    /// <summary>Hashes the exact document bytes.</summary>
    internal byte[] Hash(byte[] bytes) => _hash(bytes);

    /// <summary>The digest of <paramref name="bytes"/> as builds and the tool print it: <c>sha256:&lt;lowercase hex&gt;</c>.</summary>
    public string Label(byte[] bytes) => Text(Convert.ToHexString(Hash(bytes)).ToLowerInvariant());

    /// <summary>The one place a digest's text is made: <c>sha256:</c> and the lowercase hex, as artifacts, messages and the gate compare it.</summary>
    public string Text(string hex) => Name + ":" + hex;

    /// <summary>Finds an algorithm by its exact spelling (sha256, sha384, sha512; case and hyphens matter to the guest).</summary>
    public static DigestAlgorithm? FromName(string name) => name switch
    {
        "sha256" => Sha256,
        "sha384" => Sha384,
        "sha512" => Sha512,
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}
