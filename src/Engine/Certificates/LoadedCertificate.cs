using System.Security.Cryptography;
using Coco.InitData.Diagnostics;
using Org.BouncyCastle.X509;

namespace Coco.InitData.Certificates;

/// <summary>A certificate read from an input file: its DER bytes, the parsed form and where it came from.</summary>
public sealed class LoadedCertificate
{
    private string? _fingerprint;
    private string? _pem;
    private CertificateFacts? _facts;

    /// <summary>Creates a loaded certificate.</summary>
    public LoadedCertificate(byte[] der, X509Certificate certificate, SourceLocation location, string displayPath, TrustAnchorRole role)
    {
        Der = der;
        Certificate = certificate;
        Location = location;
        DisplayPath = displayPath;
        Role = role;
    }

    /// <summary>The DER encoding as read.</summary>
    public byte[] Der { get; }

    /// <summary>The BouncyCastle view.</summary>
    internal X509Certificate Certificate { get; }

    /// <summary>File and line of the BEGIN marker.</summary>
    public SourceLocation Location { get; }

    /// <summary>The file path relative to the project folder, '/'-separated: stable across checkouts.</summary>
    public string DisplayPath { get; }

    /// <summary>Why the file was given.</summary>
    public TrustAnchorRole Role { get; }

    /// <summary>Lowercase hex SHA-256 of the DER bytes.</summary>
    public string Fingerprint => _fingerprint ??= Convert.ToHexString(SHA256.HashData(Der)).ToLowerInvariant();

    /// <summary>The subject as OpenSSL prints it, most significant RDN first.</summary>
    public string Subject => Certificate.SubjectDN.ToString();

    /// <summary>The issuer, same form as <see cref="Subject"/>.</summary>
    public string Issuer => Certificate.IssuerDN.ToString();

    /// <summary>Start of validity, UTC.</summary>
    public DateTimeOffset NotBefore => new(DateTime.SpecifyKind(Certificate.NotBefore.ToUniversalTime(), DateTimeKind.Utc));

    /// <summary>End of validity, UTC.</summary>
    public DateTimeOffset NotAfter => new(DateTime.SpecifyKind(Certificate.NotAfter.ToUniversalTime(), DateTimeKind.Utc));

    /// <summary>What the certificate rules look at, decoded once (throws on extensions that do not decode; the loader checks that first).</summary>
    internal CertificateFacts Facts => _facts ??= CertificateFacts.Of(this);

    /// <summary>Canonical PEM: re-encoded from DER with LF line endings and 64-column base64, whatever the input looked like.</summary>
    internal string Pem => _pem ??= CanonicalPem.Encode("CERTIFICATE", Der);
}
