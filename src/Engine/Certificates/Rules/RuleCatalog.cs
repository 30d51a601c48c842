using Coco.InitData.Diagnostics;

namespace Coco.InitData.Certificates.Rules;

/// <summary>
/// Every certificate rule (named as in the team's certificate rules, outside this repository) with the stacks that reject what it finds and the text each prints.
/// The profile sets follow the spec's table (measured with openssl, Go 1.19 and rustls-webpki 0.103).
/// </summary>
internal static class RuleCatalog
{
    private const TlsProfile All = TlsProfile.Rustls | TlsProfile.OpenSsl | TlsProfile.Go;
    private const TlsProfile OpenSslAndGo = TlsProfile.OpenSsl | TlsProfile.Go;
    private const TlsProfile RustlsAndGo = TlsProfile.Rustls | TlsProfile.Go;

    private const string UnknownIssuerGo = "x509: certificate signed by unknown authority";

    /// <summary>B1 (anchor) expired: rustls ignores an anchor's dates.</summary>
    public static readonly CertificateRule AnchorExpired = new(MessageId.CertificateExpired, "B1", OpenSslAndGo,
        new(string.Empty, "certificate verify failed (certificate has expired)", "x509: certificate has expired or is not yet valid"));

    /// <summary>B2 (anchor) not yet valid.</summary>
    public static readonly CertificateRule AnchorNotYetValid = new(MessageId.CertificateNotYetValid, "B2", OpenSslAndGo,
        new(string.Empty, "certificate verify failed (certificate is not yet valid)", "x509: certificate has expired or is not yet valid"));

    /// <summary>C3 (served chain) expired.</summary>
    public static readonly CertificateRule ChainExpired = new(MessageId.CertificateExpired, "C3", All,
        new("invalid peer certificate: Expired", "certificate verify failed (certificate has expired)", "x509: certificate has expired or is not yet valid"));

    /// <summary>C3 (served chain) not yet valid.</summary>
    public static readonly CertificateRule ChainNotYetValid = new(MessageId.CertificateNotYetValid, "C3", All,
        new("invalid peer certificate: NotValidYet", "certificate verify failed (certificate is not yet valid)", "x509: certificate has expired or is not yet valid"));

    /// <summary>B2/C3 valid for less than an hour: a lagging guest clock rejects it.</summary>
    public static readonly CertificateRule JustIssued = new(MessageId.CertificateJustIssued, "B2", TlsProfile.None, GuestErrors.None);

    /// <summary>B3/C3 expires within the warning window.</summary>
    public static readonly CertificateRule ExpiresSoon = new(MessageId.CertificateExpiresSoon, "B3", TlsProfile.None, GuestErrors.None);

    /// <summary>B3/C3 most of the lifetime used.</summary>
    public static readonly CertificateRule LifetimeMostlyUsed = new(MessageId.CertificateLifetimeMostlyUsed, "B3", TlsProfile.None, GuestErrors.None);

    /// <summary>A4: webpki cannot load the certificate as a trust anchor, so the guest's HTTP client is never built.</summary>
    public static readonly CertificateRule AnchorUnloadable = new(MessageId.AnchorUnloadableByWebpki, "A4", TlsProfile.Rustls,
        new("builder error: invalid certificate (webpki refuses the root)", string.Empty, string.Empty));

    /// <summary>B4: not self-signed; OpenSSL builds to a self-signed root and does not accept partial chains.</summary>
    public static readonly CertificateRule AnchorNotSelfSigned = new(MessageId.AnchorNotSelfSigned, "B4", TlsProfile.OpenSsl,
        new(string.Empty, "certificate verify failed (unable to get issuer certificate)", string.Empty));

    /// <summary>B5: a v3 anchor that is not a CA.</summary>
    public static readonly CertificateRule AnchorNotCa = new(MessageId.AnchorNotCa, "B5", OpenSslAndGo,
        new(string.Empty, "certificate verify failed (invalid CA certificate)", UnknownIssuerGo));

    /// <summary>B6: keyUsage without keyCertSign.</summary>
    public static readonly CertificateRule AnchorKeyUsage = new(MessageId.AnchorKeyUsageWithoutCertSign, "B6", OpenSslAndGo,
        new(string.Empty, "certificate verify failed (key usage does not include certificate signing)", UnknownIssuerGo));

    /// <summary>B7: EKU without serverAuth (anyExtendedKeyUsage alone: OpenSSL only).</summary>
    public static readonly CertificateRule AnchorEku = new(MessageId.AnchorEkuWithoutServerAuth, "B7", OpenSslAndGo,
        new(string.Empty, "certificate verify failed (unsupported certificate purpose)", "x509: certificate specifies an incompatible key usage"));

    /// <summary>B8: an unknown critical extension (critical policy extensions: webpki only).</summary>
    public static readonly CertificateRule AnchorCriticalExtension = new(MessageId.AnchorUnknownCriticalExtension, "B8", All,
        new("builder error: invalid certificate (UnsupportedCriticalExtension)", "certificate verify failed (unhandled critical extension)", "x509: unhandled critical extension"));

    /// <summary>B9: a key rustls cannot verify with.</summary>
    public static readonly CertificateRule AnchorKeyUnsupported = new(MessageId.AnchorKeyUnsupported, "B9", TlsProfile.Rustls,
        new("invalid peer certificate: UnsupportedSignatureAlgorithm", string.Empty, string.Empty));

    /// <summary>B9: P-521, missing from ring-based rustls builds.</summary>
    public static readonly CertificateRule AnchorKeyP521 = new(MessageId.AnchorKeyP521, "B9", TlsProfile.Rustls,
        new("invalid peer certificate: UnsupportedSignatureAlgorithm", string.Empty, string.Empty), WarningOnly: true);

    /// <summary>B10: not a CA and no SAN: authenticates nothing (the seed's VCEK).</summary>
    public static readonly CertificateRule AnchorAuthenticatesNothing = new(MessageId.AnchorAuthenticatesNothing, "B10", All,
        new("invalid peer certificate: UnknownIssuer", "certificate verify failed (unable to get local issuer certificate)", UnknownIssuerGo));

    /// <summary>B11: a self-signed CA:TRUE server certificate: rustls refuses it as the end entity.</summary>
    public static readonly CertificateRule AnchorCaServer = new(MessageId.AnchorSelfSignedCaServer, "B11", TlsProfile.Rustls,
        new("invalid peer certificate: Other(OtherError(CaUsedAsEndEntity))", string.Empty, string.Empty));

    /// <summary>B12: a self-signed CA:FALSE server certificate as its own anchor: works, but fragile.</summary>
    public static readonly CertificateRule AnchorSelfSignedServer = new(MessageId.AnchorSelfSignedServer, "B12", TlsProfile.None, GuestErrors.None);

    /// <summary>B13: the served chain has more intermediates than the anchor's pathLenConstraint allows.</summary>
    public static readonly CertificateRule AnchorPathLength = new(MessageId.AnchorPathLengthExceeded, "B13", OpenSslAndGo,
        new(string.Empty, "certificate verify failed (path length constraint exceeded)", "x509: too many intermediates for path length constraint"));

    /// <summary>B14: name constraints with directoryName or URI subtrees.</summary>
    public static readonly CertificateRule AnchorNameConstraintForms = new(MessageId.AnchorNameConstraintsUnsupported, "B14", TlsProfile.Rustls,
        new("invalid peer certificate: Other(OtherError(NameConstraintViolation))", string.Empty, "x509: unhandled critical extension"));

    /// <summary>C1: no path from the served leaf to a declared anchor.</summary>
    public static readonly CertificateRule ChainNoPath = new(MessageId.ChainNoPathToAnchor, "C1", All,
        new("invalid peer certificate: UnknownIssuer", "certificate verify failed (unable to get local issuer certificate)", UnknownIssuerGo));

    /// <summary>C1: the served chain ends in a self-signed root that is not a trust anchor (OpenSSL: error 19).</summary>
    public static readonly CertificateRule ChainUndeclaredRoot = new(MessageId.ChainEndsInUndeclaredRoot, "C1", All,
        new("invalid peer certificate: UnknownIssuer", "certificate verify failed (self-signed certificate in certificate chain)", UnknownIssuerGo));

    /// <summary>C1: a served self-signed leaf that is not a trust anchor (OpenSSL: error 18).</summary>
    public static readonly CertificateRule ChainSelfSignedLeaf = new(MessageId.ChainSelfSignedLeafUndeclared, "C1", All,
        new("invalid peer certificate: UnknownIssuer", "certificate verify failed (self-signed certificate)", UnknownIssuerGo));

    /// <summary>C1: a leaf pinned as its own anchor without its issuer: Go trusts it, rustls and OpenSSL need the issuer.</summary>
    public static readonly CertificateRule ChainPinnedLeaf = new(MessageId.ChainPinnedLeafWithoutIssuer, "C1", TlsProfile.Rustls | TlsProfile.OpenSsl,
        new("invalid peer certificate: UnknownIssuer", "certificate verify failed (unable to get local issuer certificate)", string.Empty));

    /// <summary>C2: a signature does not verify with the issuer's key.</summary>
    public static readonly CertificateRule ChainBadSignature = new(MessageId.ChainBadSignature, "C2", All,
        new("invalid peer certificate: BadSignature", "certificate verify failed (certificate signature failure)", "x509: certificate signed by unknown authority (possibly because of \"crypto/rsa: verification error\")"));

    /// <summary>C4: the host is not in a dNSName SAN.</summary>
    public static readonly CertificateRule ChainHostMismatch = new(MessageId.ChainHostNotInSan, "C4", All,
        new("invalid peer certificate: NotValidForName", "certificate verify failed (Hostname mismatch)", "x509: certificate is valid for other names"));

    /// <summary>C4: the host only matches the subject CN (OpenSSL's fallback).</summary>
    public static readonly CertificateRule ChainHostOnlyInCn = new(MessageId.ChainHostOnlyInCommonName, "C4", RustlsAndGo,
        new("invalid peer certificate: NotValidForName", string.Empty, "x509: certificate relies on legacy Common Name field, use SANs instead"));

    /// <summary>C4: an IP registry without a matching iPAddress SAN.</summary>
    public static readonly CertificateRule ChainIpMismatch = new(MessageId.ChainIpNotInSan, "C4", All,
        new("invalid peer certificate: NotValidForName", "certificate verify failed (IP address mismatch)", "x509: cannot validate certificate because it doesn't contain the IP SAN"));

    /// <summary>C5: the leaf is CA:TRUE.</summary>
    public static readonly CertificateRule ChainLeafIsCa = new(MessageId.ChainLeafIsCa, "C5", TlsProfile.Rustls,
        new("invalid peer certificate: Other(OtherError(CaUsedAsEndEntity))", string.Empty, string.Empty));

    /// <summary>C6: the leaf's EKU lacks serverAuth (anyExtendedKeyUsage alone: Go accepts).</summary>
    public static readonly CertificateRule ChainLeafEku = new(MessageId.ChainLeafEkuWithoutServerAuth, "C6", All,
        new("invalid peer certificate: InvalidPurpose", "certificate verify failed (unsupported certificate purpose)", "x509: certificate specifies an incompatible key usage"));

    /// <summary>C6 (found by the openssl cross-check): the leaf's keyUsage allows neither digitalSignature, keyEncipherment nor keyAgreement.</summary>
    public static readonly CertificateRule ChainLeafKeyUsage = new(MessageId.ChainLeafKeyUsageNotForTls, "C6", TlsProfile.OpenSsl,
        new(string.Empty, "certificate verify failed (unsupported certificate purpose)", string.Empty));

    /// <summary>C7: the leaf has no EKU at all.</summary>
    public static readonly CertificateRule ChainLeafNoEku = new(MessageId.ChainLeafWithoutEku, "C7", TlsProfile.None, GuestErrors.None);

    /// <summary>C8: an intermediate that is v1, lacks basicConstraints or is CA:FALSE.</summary>
    public static readonly CertificateRule ChainIntermediateNotCa = new(MessageId.ChainIntermediateNotCa, "C8", All,
        new("invalid peer certificate: UnknownIssuer", "certificate verify failed (invalid CA certificate)", "x509: certificate signed by unknown authority"));

    /// <summary>C8: an intermediate's keyUsage lacks keyCertSign.</summary>
    public static readonly CertificateRule ChainIntermediateKeyUsage = new(MessageId.ChainIntermediateKeyUsage, "C8", OpenSslAndGo,
        new(string.Empty, "certificate verify failed (key usage does not include certificate signing)", "x509: certificate signed by unknown authority"));

    /// <summary>C8: an intermediate's EKU lacks serverAuth.</summary>
    public static readonly CertificateRule ChainIntermediateEku = new(MessageId.ChainIntermediateEku, "C8", All,
        new("invalid peer certificate: InvalidPurpose", "certificate verify failed (unsupported certificate purpose)", "x509: certificate specifies an incompatible key usage"));

    /// <summary>C8: an unknown critical extension on the leaf or an intermediate.</summary>
    public static readonly CertificateRule ChainCriticalExtension = new(MessageId.ChainUnknownCriticalExtension, "C8", All,
        new("invalid peer certificate: Other(OtherError(UnsupportedCriticalExtension))", "certificate verify failed (unhandled critical extension)", "x509: unhandled critical extension"));

    /// <summary>C8: an intermediate's pathLenConstraint is exceeded.</summary>
    public static readonly CertificateRule ChainPathLength = new(MessageId.ChainPathLengthExceeded, "C8", All,
        new("invalid peer certificate: Other(OtherError(PathLenConstraintViolated))", "certificate verify failed (path length constraint exceeded)", "x509: too many intermediates for path length constraint"));

    /// <summary>C9: more than six intermediates.</summary>
    public static readonly CertificateRule ChainTooLong = new(MessageId.ChainTooManyIntermediates, "C9", TlsProfile.Rustls,
        new("invalid peer certificate: Other(OtherError(MaximumPathDepthExceeded))", string.Empty, string.Empty));

    /// <summary>C10: a signature algorithm outside rustls' set (which other stacks also refuse depends on the algorithm).</summary>
    public static readonly CertificateRule ChainWeakSignature = new(MessageId.ChainSignatureAlgorithmRejected, "C10", TlsProfile.Rustls,
        new("invalid peer certificate: UnsupportedSignatureAlgorithm", "certificate verify failed (CA signature digest algorithm too weak)", "x509: cannot verify signature: insecure algorithm"));

    /// <summary>C10: a key rustls cannot use (RSA below 2048 bits, DSA, Ed448, other curves).</summary>
    public static readonly CertificateRule ChainKeyUnsupported = new(MessageId.ChainKeyUnsupported, "C10", TlsProfile.Rustls,
        new("invalid peer certificate: UnsupportedSignatureAlgorithm", string.Empty, "x509: cannot verify signature: algorithm unimplemented"));

    /// <summary>C10: P-521 or ECDSA with SHA-512, missing from ring-based rustls builds.</summary>
    public static readonly CertificateRule ChainRingOnly = new(MessageId.ChainSignatureAlgorithmRingMissing, "C10", TlsProfile.Rustls,
        new("invalid peer certificate: UnsupportedSignatureAlgorithm", string.Empty, string.Empty), WarningOnly: true);

    /// <summary>C11: RSA-PSS with non-canonical parameters.</summary>
    public static readonly CertificateRule ChainPssNonCanonical = new(MessageId.ChainPssNonCanonical, "C11", RustlsAndGo,
        new("invalid peer certificate: UnsupportedSignatureAlgorithm", string.Empty, "x509: cannot verify signature: algorithm unimplemented"));

    /// <summary>C12: a name of the leaf violates an issuer's name constraints.</summary>
    public static readonly CertificateRule ChainNameConstraints = new(MessageId.ChainNameConstraintViolated, "C12", All,
        new("invalid peer certificate: Other(OtherError(NameConstraintViolation))", "certificate verify failed (permitted subtree violation)", "x509: a root or intermediate certificate is not authorized to sign for this name"));

    /// <summary>C12 (rustls only): an IP SAN reaches an iPAddress constraint whose mask is not a prefix.</summary>
    public static readonly CertificateRule ChainNameConstraintMask = new(MessageId.ChainNameConstraintViolated, "C12", TlsProfile.Rustls,
        new("invalid peer certificate: Other(OtherError(InvalidNetworkMaskConstraint))", string.Empty, string.Empty));

    /// <summary>C12: an iPAddress name constraint with a mask that is not a prefix; Go refuses to parse the certificate.</summary>
    public static readonly CertificateRule NameConstraintMaskUnparseable = new(MessageId.ChainNameConstraintMaskNotPrefix, "C12", TlsProfile.Go,
        new(string.Empty, string.Empty, "x509: IP constraint contained invalid mask"));

    /// <summary>C14: the leaf looks self-signed to OpenSSL (subject = issuer, no key identifiers that tell them apart).</summary>
    public static readonly CertificateRule ChainLeafLooksSelfSigned = new(MessageId.ChainLeafLooksSelfSigned, "C14", TlsProfile.OpenSsl,
        new(string.Empty, "certificate verify failed (self-signed certificate)", string.Empty));
}
