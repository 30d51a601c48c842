using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Asn1.EdEC;

namespace Coco.InitData.Certificates;

/// <summary>
/// What the rules look at in one certificate, read once from the ASN.1. Never builds a BouncyCastle key object:
/// an RSA key costs a modulus validation (tens of milliseconds) on first use.
/// </summary>
internal sealed class CertificateFacts
{
    /// <summary>Extensions every stack understands: a critical one of these is never "unknown".</summary>
    private static readonly HashSet<string> KnownEverywhere = new(StringComparer.Ordinal)
    {
        X509Extensions.BasicConstraints.Id, X509Extensions.KeyUsage.Id, X509Extensions.ExtendedKeyUsage.Id,
        X509Extensions.SubjectAlternativeName.Id, X509Extensions.NameConstraints.Id,
        X509Extensions.SubjectKeyIdentifier.Id, X509Extensions.AuthorityKeyIdentifier.Id,
    };

    /// <summary>Policy extensions: OpenSSL and Go process them, webpki refuses them when critical.</summary>
    private static readonly HashSet<string> PolicyExtensions = new(StringComparer.Ordinal)
    {
        X509Extensions.CertificatePolicies.Id, X509Extensions.PolicyConstraints.Id, X509Extensions.PolicyMappings.Id,
        X509Extensions.InhibitAnyPolicy.Id,
    };

    private CertificateFacts(LoadedCertificate certificate)
    {
        Certificate = certificate;
        var structure = certificate.Certificate.CertificateStructure;
        var tbs = structure.TbsCertificate;
        Version = tbs.Version;
        var extensions = tbs.Extensions;
        if (extensions is not null)
        {
            foreach (var oid in extensions.ExtensionOids)
            {
                var extension = extensions.GetExtension(oid);
                if (!extension.IsCritical || KnownEverywhere.Contains(oid.Id))
                {
                    continue;
                }

                if (PolicyExtensions.Contains(oid.Id))
                {
                    CriticalPolicyExtensions.Add(oid.Id);
                }
                else
                {
                    UnknownCriticalExtensions.Add(oid.Id);
                }
            }

            ReadBasicConstraints(extensions.GetExtension(X509Extensions.BasicConstraints));
            ReadKeyUsage(extensions.GetExtension(X509Extensions.KeyUsage));
            ReadExtendedKeyUsage(extensions.GetExtension(X509Extensions.ExtendedKeyUsage));
            ReadSubjectAlternativeNames(extensions.GetExtension(X509Extensions.SubjectAlternativeName));
            var nc = extensions.GetExtension(X509Extensions.NameConstraints);
            if (nc is not null)
            {
                NameConstraints = Org.BouncyCastle.Asn1.X509.NameConstraints.GetInstance(nc.GetParsedValue());
                NameConstraintsCritical = nc.IsCritical;
            }

            SubjectKeyId = ReadSubjectKeyId(extensions.GetExtension(X509Extensions.SubjectKeyIdentifier));
            AuthorityKeyId = ReadAuthorityKeyId(extensions.GetExtension(X509Extensions.AuthorityKeyIdentifier));
        }

        SubjectEmails = certificate.Certificate.SubjectDN.GetValueList(X509Name.EmailAddress).ToList();
        var cn = certificate.Certificate.SubjectDN.GetValueList(X509Name.CN);
        CommonName = cn.Count > 0 ? cn[cn.Count - 1] : null;
        SelfIssued = certificate.Certificate.SubjectDN.Equivalent(certificate.Certificate.IssuerDN, true);
        SelfSigned = SelfIssued && (SubjectKeyId is null || AuthorityKeyId is null || SubjectKeyId.AsSpan().SequenceEqual(AuthorityKeyId));
        Key = ReadKey(tbs.SubjectPublicKeyInfo);
        Signature = SignatureFacts.Of(structure.SignatureAlgorithm);
        HasUniqueIds = tbs.IssuerUniqueID is not null || tbs.SubjectUniqueID is not null;
        SignatureAlgorithmMismatch = !tbs.Signature.Equals(structure.SignatureAlgorithm);
    }

    /// <summary>The certificate.</summary>
    public LoadedCertificate Certificate { get; }

    /// <summary>1 or 3.</summary>
    public int Version { get; }

    /// <summary>True when basicConstraints is present.</summary>
    public bool HasBasicConstraints { get; private set; }

    /// <summary>basicConstraints cA.</summary>
    public bool IsCa { get; private set; }

    /// <summary>basicConstraints pathLenConstraint.</summary>
    public int? PathLength { get; private set; }

    /// <summary>True when keyUsage is present.</summary>
    public bool HasKeyUsage { get; private set; }

    /// <summary>The keyUsage bits (BouncyCastle's KeyUsage constants), 0 when absent.</summary>
    public int KeyUsageBits { get; private set; }

    /// <summary>keyUsage present and allows a TLS server key exchange or signature (what OpenSSL's sslserver purpose asks).</summary>
    public bool KeyUsageAllowsTlsServer => !HasKeyUsage || (KeyUsageBits & (KeyUsage.DigitalSignature | KeyUsage.KeyEncipherment | KeyUsage.KeyAgreement)) != 0;

    /// <summary>keyUsage keyCertSign.</summary>
    public bool KeyCertSign { get; private set; }

    /// <summary>The EKU OIDs, or null when the extension is absent.</summary>
    public IReadOnlyList<string>? ExtendedKeyUsages { get; private set; }

    /// <summary>EKU present and lists serverAuth.</summary>
    public bool HasServerAuth => ExtendedKeyUsages?.Contains(KeyPurposeID.id_kp_serverAuth.Id) == true;

    /// <summary>EKU present and lists anyExtendedKeyUsage.</summary>
    public bool HasAnyEku => ExtendedKeyUsages?.Contains(KeyPurposeID.AnyExtendedKeyUsage.Id) == true;

    /// <summary>True when a subjectAltName extension is present.</summary>
    public bool HasSubjectAlternativeNames { get; private set; }

    /// <summary>dNSName SANs.</summary>
    public List<string> DnsNames { get; } = new();

    /// <summary>iPAddress SANs (4 or 16 bytes).</summary>
    public List<byte[]> IpAddresses { get; } = new();

    /// <summary>rfc822Name SANs (e-mail addresses).</summary>
    public List<string> EmailAddresses { get; } = new();

    /// <summary>The GeneralName tags of the SANs (2 dNSName, 7 iPAddress, 1 rfc822Name, 6 URI, ...).</summary>
    public SortedSet<int> SubjectAlternativeNameTags { get; } = new();

    /// <summary>True when a dNSName or iPAddress SAN is present: the names a TLS client matches a server against.</summary>
    public bool HasServerNames => DnsNames.Count > 0 || IpAddresses.Count > 0;

    /// <summary>emailAddress attributes of the subject (OpenSSL checks them against rfc822Name constraints).</summary>
    public IReadOnlyList<string> SubjectEmails { get; }

    /// <summary>The most specific CN of the subject, or null.</summary>
    public string? CommonName { get; }

    /// <summary>Subject equals issuer.</summary>
    public bool SelfIssued { get; }

    /// <summary>Self-issued and, when both key identifiers are present, they agree: what OpenSSL treats as a root.</summary>
    public bool SelfSigned { get; }

    /// <summary>The public key.</summary>
    public KeyFacts Key { get; }

    /// <summary>The outer signature algorithm.</summary>
    public SignatureFacts Signature { get; }

    /// <summary>Critical extensions no stack handles.</summary>
    public List<string> UnknownCriticalExtensions { get; } = new();

    /// <summary>Critical policy extensions (webpki refuses them).</summary>
    public List<string> CriticalPolicyExtensions { get; } = new();

    /// <summary>The name constraints, when present.</summary>
    public NameConstraints? NameConstraints { get; }

    /// <summary>Permitted name-constraint subtrees (empty when none).</summary>
    public IReadOnlyList<GeneralSubtree> PermittedSubtrees => Subtrees(NameConstraints?.PermittedSubtreesValue);

    /// <summary>Excluded name-constraint subtrees (empty when none).</summary>
    public IReadOnlyList<GeneralSubtree> ExcludedSubtrees => Subtrees(NameConstraints?.ExcludedSubtreesValue);

    /// <summary>True when the name constraints are marked critical.</summary>
    public bool NameConstraintsCritical { get; }

    /// <summary>subjectKeyIdentifier.</summary>
    public byte[]? SubjectKeyId { get; }

    /// <summary>authorityKeyIdentifier keyIdentifier.</summary>
    public byte[]? AuthorityKeyId { get; }

    /// <summary>issuerUniqueID or subjectUniqueID present (webpki refuses them).</summary>
    public bool HasUniqueIds { get; }

    /// <summary>The signature algorithm inside the TBS differs from the outer one (webpki refuses it).</summary>
    public bool SignatureAlgorithmMismatch { get; }

    /// <summary>
    /// A dNSName or iPAddress SAN: the certificate was made for a server. An rfc822Name, URI or other SAN is no such
    /// evidence (public roots such as ACCVRAIZ1 carry an e-mail SAN), nor is serverAuth alone: a TLS client matches
    /// a host against dNSName and iPAddress SANs only (webpki subject_name/, OpenSSL X509_check_host).
    /// </summary>
    public bool LooksLikeServer => HasServerNames;

    /// <summary>Reads the facts of a certificate.</summary>
    public static CertificateFacts Of(LoadedCertificate certificate) => new(certificate);

    private void ReadBasicConstraints(X509Extension? extension)
    {
        if (extension is null)
        {
            return;
        }

        HasBasicConstraints = true;
        var constraints = BasicConstraints.GetInstance(extension.GetParsedValue());
        IsCa = constraints.IsCA();
        if (IsCa && constraints.PathLenConstraint is { } length)
        {
            PathLength = length.BitLength > 31 ? int.MaxValue : length.IntValue;
        }
    }

    private void ReadKeyUsage(X509Extension? extension)
    {
        if (extension is null)
        {
            return;
        }

        HasKeyUsage = true;
        var usage = KeyUsage.GetInstance(extension.GetParsedValue());
        KeyUsageBits = usage.IntValue;
        KeyCertSign = (usage.IntValue & KeyUsage.KeyCertSign) != 0;
    }

    private void ReadExtendedKeyUsage(X509Extension? extension)
    {
        if (extension is null)
        {
            return;
        }

        ExtendedKeyUsages = ExtendedKeyUsage.GetInstance(extension.GetParsedValue()).GetAllUsages().Select(u => u.Id).ToList();
    }

    private void ReadSubjectAlternativeNames(X509Extension? extension)
    {
        if (extension is null)
        {
            return;
        }

        HasSubjectAlternativeNames = true;
        foreach (var name in GeneralNames.GetInstance(extension.GetParsedValue()).GetNames())
        {
            SubjectAlternativeNameTags.Add(name.TagNo);
            if (name.TagNo == GeneralName.Rfc822Name)
            {
                EmailAddresses.Add(DerIA5String.GetInstance(name.Name).GetString());
            }
            else if (name.TagNo == GeneralName.DnsName)
            {
                DnsNames.Add(DerIA5String.GetInstance(name.Name).GetString());
            }
            else if (name.TagNo == GeneralName.IPAddress)
            {
                IpAddresses.Add(Asn1OctetString.GetInstance(name.Name).GetOctets());
            }
        }
    }

    private static GeneralSubtree[] Subtrees(Asn1Encodable? subtrees) => subtrees is null
        ? Array.Empty<GeneralSubtree>()
        : Asn1Sequence.GetInstance(subtrees.ToAsn1Object()).Cast<Asn1Encodable>().Select(GeneralSubtree.GetInstance).ToArray();

    private static byte[]? ReadSubjectKeyId(X509Extension? extension) =>
        extension is null ? null : Asn1OctetString.GetInstance(extension.GetParsedValue()).GetOctets();

    private static byte[]? ReadAuthorityKeyId(X509Extension? extension) =>
        extension is null ? null : AuthorityKeyIdentifier.GetInstance(extension.GetParsedValue()).KeyIdentifier?.GetOctets();

    private static KeyFacts ReadKey(SubjectPublicKeyInfo info)
    {
        var oid = info.Algorithm.Algorithm;
        if (oid.Equals(PkcsObjectIdentifiers.RsaEncryption) || oid.Equals(PkcsObjectIdentifiers.IdRsassaPss))
        {
            // The modulus is read as an integer; no RsaKeyParameters, so no primality-style validation.
            var bits = RsaPublicKeyStructure.GetInstance(info.ParsePublicKey()).Modulus.BitLength;
            return new KeyFacts(oid.Equals(PkcsObjectIdentifiers.RsaEncryption) ? "rsa" : "rsa-pss", bits, string.Empty);
        }

        if (oid.Equals(X9ObjectIdentifiers.IdECPublicKey))
        {
            var parameters = info.Algorithm.Parameters;
            if (parameters is DerObjectIdentifier curve)
            {
                var name = ECNamedCurveTable.GetName(curve);
                var facts = name switch
                {
                    "secp256r1" or "prime256v1" or "P-256" => ("P-256", 256),
                    "secp384r1" or "P-384" => ("P-384", 384),
                    "secp521r1" or "P-521" => ("P-521", 521),
                    _ => (name ?? curve.Id, 0),
                };
                return new KeyFacts("ec", facts.Item2, facts.Item1);
            }

            return new KeyFacts("ec", 0, "explicit curve parameters");
        }

        if (oid.Equals(EdECObjectIdentifiers.id_Ed25519))
        {
            return new KeyFacts("ed25519", 256, string.Empty);
        }

        if (oid.Equals(EdECObjectIdentifiers.id_Ed448))
        {
            return new KeyFacts("ed448", 448, string.Empty);
        }

        if (oid.Equals(X9ObjectIdentifiers.IdDsa))
        {
            return new KeyFacts("dsa", 0, string.Empty);
        }

        return new KeyFacts(oid.Id, 0, string.Empty);
    }
}
