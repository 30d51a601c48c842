namespace Coco.InitData.Certificates.Chains;

/// <summary>The path built from a served leaf: the certificates in order (leaf first), the anchor reached, or why none was.</summary>
internal sealed class ServedChainPath
{
    /// <summary>Leaf first, then the intermediates used, without the anchor.</summary>
    public List<CertificateFacts> Certificates { get; } = new();

    /// <summary>The declared anchor the path ends at, or null.</summary>
    public CertificateFacts? Anchor { get; set; }

    /// <summary>When no anchor was reached: the certificate whose issuer could not be found or did not verify.</summary>
    public CertificateFacts? StuckAt { get; set; }

    /// <summary>When a certificate named like the issuer exists but its key does not verify the signature.</summary>
    public CertificateFacts? IssuerWithBadSignature { get; set; }

    /// <summary>The intermediates used (the path without the leaf).</summary>
    public IEnumerable<CertificateFacts> Intermediates => Certificates.Skip(1);

    /// <summary>The certificate that issued <c>Certificates[index]</c>: the next one, or the anchor.</summary>
    public CertificateFacts? IssuerOf(int index) => index + 1 < Certificates.Count ? Certificates[index + 1] : Anchor;
}
