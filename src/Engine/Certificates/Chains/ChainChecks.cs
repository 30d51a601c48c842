using Coco.InitData.Certificates.Anchors;
using Coco.InitData.Certificates.Rules;
using Coco.InitData.Registries;

namespace Coco.InitData.Certificates.Chains;

/// <summary>Rules C1-C12 and B13 for the chain a registry serves, against the registry's host and the declared anchors.</summary>
internal static class ChainChecks
{
    /// <summary>webpki's limit on intermediates.</summary>
    public const int MaxIntermediates = 6;

    /// <summary>Checks the served chain of <paramref name="registry"/>; returns the path it built.</summary>
    public static ServedChainPath Check(ResolvedRegistry registry, IReadOnlyList<CertificateFacts> served, IReadOnlyList<CertificateFacts> anchors, FindingReporter reporter)
    {
        var name = registry.Name.Text;
        var path = ChainBuilder.Build(served, anchors);
        var leaf = path.Certificates[0];

        foreach (var certificate in path.Certificates)
        {
            ValidityPeriodCheck.Check(certificate.Certificate, isAnchor: false, reporter);
        }

        if (path.Anchor is null)
        {
            ReportNoPath(name, path, leaf, anchors, reporter);
        }

        CheckLeaf(registry, leaf, path.Anchor, reporter);
        CheckIntermediates(name, path, reporter);
        CheckSignatures(name, path, reporter);
        NameConstraintChecks.Check(registry, path, reporter);
        return path;
    }

    // Says what is true of a chain that reaches no anchor: it ends in a served self-signed root (nothing is missing,
    // the root is not trusted), the leaf is pinned without its issuer, an issuer is absent, or a signature fails.
    private static void ReportNoPath(string name, ServedChainPath path, CertificateFacts leaf, IReadOnlyList<CertificateFacts> anchors, FindingReporter reporter)
    {
        var stuck = path.StuckAt!;
        var trusted = DescribeAnchors(anchors, reporter.Options.AnchorSource);
        if (stuck.SelfSigned && SignatureVerifier.Verify(stuck.Certificate, stuck.Certificate))
        {
            var twin = anchors.FirstOrDefault(a => a.Certificate.Certificate.SubjectDN.Equivalent(stuck.Certificate.Certificate.SubjectDN, true));
            var note = twin is null ? string.Empty : $"; the anchor of that name in {twin.Certificate.DisplayPath} is another certificate with another key (SHA-256 {twin.Certificate.Fingerprint})";
            reporter.Report(stuck == leaf ? RuleCatalog.ChainSelfSignedLeaf : RuleCatalog.ChainUndeclaredRoot, stuck.Certificate, name, trusted, note);
        }
        else if (path.IssuerWithBadSignature is { } issuer)
        {
            reporter.Report(RuleCatalog.ChainBadSignature, stuck.Certificate, name, $"issuer SHA-256 {issuer.Certificate.Fingerprint}, {issuer.Certificate.DisplayPath}");
        }
        else if (stuck == leaf && anchors.Any(a => a.Certificate.Fingerprint == leaf.Certificate.Fingerprint))
        {
            // Go trusts a leaf that is itself in the root pool (a pinned leaf); rustls and OpenSSL need its issuer.
            reporter.Report(RuleCatalog.ChainPinnedLeaf, stuck.Certificate, name, trusted);
        }
        else
        {
            reporter.Report(RuleCatalog.ChainNoPath, stuck.Certificate, name, trusted);
        }
    }

    /// <summary>The trust anchors a message names: where they came from, or up to three by subject and file.</summary>
    public static string DescribeAnchors(IReadOnlyList<CertificateFacts> anchors, string? source)
    {
        if (source is not null)
        {
            return source;
        }

        if (anchors.Count == 0)
        {
            return "none declared";
        }

        var named = anchors.Take(3).Select(a => $"'{a.Certificate.Subject}' in {a.Certificate.DisplayPath}");
        return string.Join(", ", named) + (anchors.Count > 3 ? $" and {anchors.Count - 3} more" : string.Empty);
    }

    private static void CheckLeaf(ResolvedRegistry registry, CertificateFacts leaf, CertificateFacts? anchor, FindingReporter reporter)
    {
        var name = registry.Name.Text;
        var target = registry.Location ?? registry.Name;
        var certificate = leaf.Certificate;
        if (!target.IsWildcard)
        {
            CheckHost(name, target, leaf, reporter);
        }

        if (leaf.HasBasicConstraints && leaf.IsCa)
        {
            reporter.Report(RuleCatalog.ChainLeafIsCa, certificate, name);
        }

        if (leaf.ExtendedKeyUsages is { } ekus)
        {
            if (!leaf.HasServerAuth)
            {
                var rule = leaf.HasAnyEku ? RuleCatalog.ChainLeafEku.RejectedOnlyBy(TlsProfile.Rustls | TlsProfile.OpenSsl) : RuleCatalog.ChainLeafEku;
                reporter.Report(rule, certificate, name, AnchorChecks.Describe(ekus));
            }
        }
        else if (anchor is null || anchor.Certificate.Fingerprint != certificate.Fingerprint)
        {
            reporter.Report(RuleCatalog.ChainLeafNoEku, certificate, name);
        }

        if (!leaf.KeyUsageAllowsTlsServer)
        {
            reporter.Report(RuleCatalog.ChainLeafKeyUsage, certificate, name);
        }

        // C14: OpenSSL (x509v3_cache_extensions) flags a certificate self-signed when its subject equals its issuer,
        // its authorityKeyIdentifier does not contradict that (absent, or equal to its own subjectKeyIdentifier) and
        // its key type fits its signature algorithm; a self-signed leaf that is not itself trusted is error 18.
        // A leaf that really is self-signed (its own key verifies it) is told apart by CID2084, not this.
        if (leaf.SelfSigned && anchor?.Certificate.Fingerprint != certificate.Fingerprint && leaf.Signature.FitsKeyType(leaf.Key)
            && !(anchor is null && SignatureVerifier.Verify(certificate, certificate)))
        {
            reporter.Report(RuleCatalog.ChainLeafLooksSelfSigned, certificate, name);
        }

        CheckCriticalExtensions(name, leaf, reporter);
        CheckKey(name, leaf, reporter);
    }

    private static void CheckHost(string name, RegistryName target, CertificateFacts leaf, FindingReporter reporter)
    {
        var certificate = leaf.Certificate;
        if (target.Address is { } address)
        {
            if (!leaf.IpAddresses.Any(ip => HostNameMatcher.Matches(ip, address)))
            {
                // Go's net.IP.Equal takes an IPv4-mapped IPv6 address for the IPv4 address; rustls and OpenSSL compare bytes.
                var goMatches = leaf.IpAddresses.Any(ip => HostNameMatcher.MatchesAsGo(ip, address));
                var ips = leaf.IpAddresses.Count == 0 ? "none" : string.Join(", ", leaf.IpAddresses.Select(HostNameMatcher.Describe));
                var rule = goMatches ? RuleCatalog.ChainIpMismatch.RejectedOnlyBy(TlsProfile.Rustls | TlsProfile.OpenSsl) : RuleCatalog.ChainIpMismatch;
                reporter.Report(rule, certificate, name, target.HostForTls, ips);
            }

            return;
        }

        var host = target.HostForTls;
        if (leaf.DnsNames.Any(d => HostNameMatcher.Matches(d, host)))
        {
            return;
        }

        // OpenSSL falls back to the CN only when the certificate has no dNSName SAN at all.
        if (leaf.DnsNames.Count == 0 && leaf.CommonName is { } cn && HostNameMatcher.Matches(cn, host))
        {
            reporter.Report(RuleCatalog.ChainHostOnlyInCn, certificate, name, host);
            return;
        }

        reporter.Report(RuleCatalog.ChainHostMismatch, certificate, name, host, leaf.DnsNames.Count == 0 ? "none" : string.Join(", ", leaf.DnsNames));
    }

    private static void CheckIntermediates(string name, ServedChainPath path, FindingReporter reporter)
    {
        var intermediates = path.Intermediates.ToList();
        for (var i = 0; i < intermediates.Count; i++)
        {
            var facts = intermediates[i];
            var certificate = facts.Certificate;
            if (facts.Version < 3 || !facts.HasBasicConstraints || !facts.IsCa)
            {
                var why = facts.Version < 3 ? "a v1 certificate" : facts.HasBasicConstraints ? "basicConstraints CA:FALSE" : "no basicConstraints";
                reporter.Report(RuleCatalog.ChainIntermediateNotCa, certificate, name, why);
            }

            if (facts.HasKeyUsage && !facts.KeyCertSign)
            {
                reporter.Report(RuleCatalog.ChainIntermediateKeyUsage, certificate, name);
            }

            if (facts.ExtendedKeyUsages is { } ekus && !facts.HasServerAuth)
            {
                var rule = facts.HasAnyEku ? RuleCatalog.ChainIntermediateEku.RejectedOnlyBy(TlsProfile.Rustls | TlsProfile.OpenSsl) : RuleCatalog.ChainIntermediateEku;
                reporter.Report(rule, certificate, name, AnchorChecks.Describe(ekus));
            }

            // pathLenConstraint counts the intermediates below this one (the leaf is not counted).
            var below = i;
            if (facts.PathLength is { } allowed && below > allowed)
            {
                reporter.Report(RuleCatalog.ChainPathLength, certificate, name, allowed, below);
            }

            CheckCriticalExtensions(name, facts, reporter);
            CheckKey(name, facts, reporter);
            NameConstraintChecks.CheckMasks(facts, reporter);
        }

        if (intermediates.Count > MaxIntermediates)
        {
            reporter.Report(RuleCatalog.ChainTooLong, path.Certificates[0].Certificate, name, intermediates.Count);
        }

        if (path.Anchor is { PathLength: { } anchorAllowed } anchor && intermediates.Count > anchorAllowed
            && anchor.Certificate.Fingerprint != path.Certificates[0].Certificate.Fingerprint)
        {
            reporter.Report(RuleCatalog.AnchorPathLength, anchor.Certificate, anchorAllowed, name, intermediates.Count);
        }
    }

    private static void CheckSignatures(string name, ServedChainPath path, FindingReporter reporter)
    {
        for (var i = 0; i < path.Certificates.Count; i++)
        {
            var facts = path.Certificates[i];
            var issuer = path.IssuerOf(i);
            if (issuer is null || issuer.Certificate.Fingerprint == facts.Certificate.Fingerprint)
            {
                // A self-signed certificate's own signature is checked by no stack (B15).
                continue;
            }

            var signature = facts.Signature;
            var rejectedBy = RejectingStacks(signature);
            if (signature.Scheme == "rsa-pss" && !signature.IsCanonicalPss)
            {
                // Go (1.19, measured) accepts an explicit trailerField of 1; a salt or MGF1 hash that differs it refuses.
                var onlyTrailer = signature.SaltLength == SignatureFacts.HashLength(signature.Hash) && signature.MgfHash == signature.Hash && !signature.PssParametersInvalid;
                var rule = onlyTrailer ? RuleCatalog.ChainPssNonCanonical.RejectedOnlyBy(TlsProfile.Rustls) : RuleCatalog.ChainPssNonCanonical;
                reporter.Report(rule, facts.Certificate, name, signature.Name);
            }
            else if (rejectedBy != TlsProfile.None)
            {
                reporter.Report(RuleCatalog.ChainWeakSignature.RejectedOnlyBy(rejectedBy), facts.Certificate, name, signature.Name);
            }
            else if (signature.Scheme == "ecdsa" && (signature.Hash == "SHA512" || issuer.Key.Curve == "P-521"))
            {
                reporter.Report(RuleCatalog.ChainRingOnly, facts.Certificate, name, $"{signature.Name} with an {issuer.Key.Description} issuer key");
            }
        }
    }

    /// <summary>Which stacks refuse a signature algorithm (the spec's table: rustls accepts SHA-256+ RSA, ECDSA and Ed25519 only).</summary>
    private static TlsProfile RejectingStacks(SignatureFacts signature)
    {
        const TlsProfile all = TlsProfile.Rustls | TlsProfile.OpenSsl | TlsProfile.Go;
        return signature.Scheme switch
        {
            "rsa" or "ecdsa" or "dsa" when signature.Hash is "MD5" or "SHA1" => all,
            "rsa" or "ecdsa" when signature.Hash == "SHA224" => TlsProfile.Rustls | TlsProfile.Go,
            "dsa" or "ed448" => TlsProfile.Rustls | TlsProfile.Go,
            "rsa" or "ecdsa" or "ed25519" or "rsa-pss" => TlsProfile.None,
            _ => all,
        };
    }

    private static void CheckCriticalExtensions(string name, CertificateFacts facts, FindingReporter reporter)
    {
        if (facts.UnknownCriticalExtensions.Count > 0)
        {
            reporter.Report(RuleCatalog.ChainCriticalExtension, facts.Certificate, name, string.Join(", ", facts.UnknownCriticalExtensions));
        }
        else if (facts.CriticalPolicyExtensions.Count > 0)
        {
            reporter.Report(RuleCatalog.ChainCriticalExtension.RejectedOnlyBy(TlsProfile.Rustls), facts.Certificate, name, string.Join(", ", facts.CriticalPolicyExtensions));
        }
    }

    private static void CheckKey(string name, CertificateFacts facts, FindingReporter reporter)
    {
        if (!AnchorChecks.IsKeyUsableByRustls(facts.Key, out var ringOnly))
        {
            var profiles = facts.Key.Algorithm is "rsa" ? TlsProfile.Rustls : TlsProfile.Rustls | TlsProfile.Go;
            reporter.Report(RuleCatalog.ChainKeyUnsupported.RejectedOnlyBy(profiles), facts.Certificate, name, facts.Key.Description);
        }
        else if (ringOnly)
        {
            reporter.Report(RuleCatalog.ChainRingOnly, facts.Certificate, name, "an EC P-521 key");
        }
    }
}
