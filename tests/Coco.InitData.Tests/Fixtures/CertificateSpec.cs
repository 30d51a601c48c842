using Org.BouncyCastle.Asn1.X509;

namespace Coco.InitData.Tests.Fixtures;

/// <summary>What a test certificate should look like. Defaults give a valid CA:TRUE root valid 2025-2035.</summary>
public sealed record CertificateSpec
{
    public string Subject { get; init; } = "CN=Test Root CA,O=Coco.InitData tests";
    public TestCertificate? Issuer { get; init; }
    public DateTime NotBefore { get; init; } = TestPki.Epoch;
    public DateTime NotAfter { get; init; } = TestPki.Epoch.AddYears(10);
    public KeyKind Key { get; init; } = KeyKind.EcP256;

    /// <summary>basicConstraints CA flag; null leaves the extension out.</summary>
    public bool? IsCa { get; init; } = true;
    public int? PathLength { get; init; }

    /// <summary>keyUsage bits (KeyUsage.KeyCertSign | ...); null leaves the extension out.</summary>
    public int? KeyUsageBits { get; init; } = KeyUsage.KeyCertSign | KeyUsage.CrlSign;

    /// <summary>EKUs; null leaves the extension out.</summary>
    public KeyPurposeID[]? ExtendedKeyUsages { get; init; }
    public string[] DnsNames { get; init; } = Array.Empty<string>();
    public string[] IpAddresses { get; init; } = Array.Empty<string>();

    /// <summary>Signature algorithm name as BouncyCastle spells it; null picks one for the issuer key.</summary>
    public string? SignatureAlgorithm { get; init; }

    /// <summary>Writes a v1 certificate without extensions.</summary>
    public bool Version1 { get; init; }

    /// <summary>Adds a critical extension no stack knows.</summary>
    public bool UnknownCriticalExtension { get; init; }
}
