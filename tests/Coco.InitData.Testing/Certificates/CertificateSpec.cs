using Org.BouncyCastle.Asn1.X509;

namespace Coco.InitData.Testing;

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

    /// <summary>Signs with RSA-PSS and this salt length (the issuer key must be RSA); null signs as <see cref="SignatureAlgorithm"/> says.</summary>
    public int? PssSaltLength { get; init; }

    /// <summary>With <see cref="PssSaltLength"/>: writes the trailerField out, as AMD's certificates do.</summary>
    public bool PssExplicitTrailer { get; init; }

    /// <summary>With <see cref="PssSaltLength"/>: SHA-384 instead of SHA-256.</summary>
    public bool PssSha384 { get; init; }

    /// <summary>Permitted dNSName name constraints (a critical nameConstraints extension when any constraint is set).</summary>
    public string[] PermittedDnsNames { get; init; } = Array.Empty<string>();

    /// <summary>Excluded dNSName name constraints.</summary>
    public string[] ExcludedDnsNames { get; init; } = Array.Empty<string>();

    /// <summary>A permitted directoryName name constraint (what webpki cannot process).</summary>
    public string? PermittedDirectoryName { get; init; }

    /// <summary>rfc822Name SANs (e-mail addresses).</summary>
    public string[] EmailAddresses { get; init; } = Array.Empty<string>();

    /// <summary>Permitted rfc822Name name constraints (a mailbox, a host, or a .domain).</summary>
    public string[] PermittedEmails { get; init; } = Array.Empty<string>();

    /// <summary>URI SANs.</summary>
    public string[] Uris { get; init; } = Array.Empty<string>();

    /// <summary>Permitted URI name constraints (a host or a .domain).</summary>
    public string[] PermittedUriHosts { get; init; } = Array.Empty<string>();

    /// <summary>Permitted iPAddress name constraints as address/mask, for example 12.34.56.0/255.255.255.1.</summary>
    public string[] PermittedIpRanges { get; init; } = Array.Empty<string>();

    /// <summary>Leaves out subjectKeyIdentifier and authorityKeyIdentifier.</summary>
    public bool NoKeyIdentifiers { get; init; }

    /// <summary>Marks certificatePolicies (anyPolicy) critical.</summary>
    public bool CriticalCertificatePolicies { get; init; }

    /// <summary>Adds a non-critical private extension of this many bytes (to make a certificate larger than 64 KiB).</summary>
    public int PaddingExtensionBytes { get; init; }
}
