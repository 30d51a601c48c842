using Coco.InitData.Certificates.Rules;
using Coco.InitData.Registries;

namespace Coco.InitData.Certificates.Chains;

/// <summary>
/// Name constraints as each stack applies them (rule C10 and its stack-only variants): OpenSSL, Go and rustls-webpki
/// differ in which names they check and which constraint forms they accept, so a finding names the stacks it fails.
/// </summary>
internal static class NameConstraintChecks
{
    /// <summary>A name-constraint mask Go cannot parse (on an anchor or an intermediate).</summary>
    public static void CheckMasks(CertificateFacts facts, FindingReporter reporter)
    {
        if (facts.NameConstraints is not null && NameConstraintMatcher.InvalidMasks(facts) is { Count: > 0 } masks)
        {
            reporter.Report(RuleCatalog.NameConstraintMaskUnparseable, facts.Certificate, string.Join(", ", masks));
        }
    }

    /// <summary>The name constraints of every CA above the leaf, against the names below it and the registry's host.</summary>
    public static void Check(ResolvedRegistry registry, ServedChainPath path, FindingReporter reporter)
    {
        var leaf = path.Certificates[0];
        var name = registry.Name.Text;
        var target = registry.Location ?? registry.Name;
        // A DNS host stands in for OpenSSL's check of a hostname-like CN; an IP host is never checked against the
        // constraints by any stack (only SANs are): Go 1.19 crypto/x509/verify.go isValid walks SANs alone, and Go
        // matches an IPv4-mapped IPv6 host to an IPv4 SAN (net.IP.Equal), which then meets IPv4 constraints as IPv4.
        var hostDns = target.IsWildcard || target.Address is not null ? Array.Empty<string>() : new[] { target.HostForTls };
        var dns = leaf.DnsNames.Concat(hostDns).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var ips = leaf.IpAddresses;
        var constraining = path.Intermediates.Select((c, i) => (Certificate: (CertificateFacts?)c, Index: i + 1)).Append((path.Anchor, path.Certificates.Count));
        foreach (var (constraints, index) in constraining)
        {
            if (constraints?.NameConstraints is null || constraints.Certificate.Fingerprint == leaf.Certificate.Fingerprint)
            {
                continue;
            }

            var by = constraints.Certificate.Subject;
            if (NameConstraintMatcher.FirstViolation(constraints, dns, ips) is { } violation)
            {
                reporter.Report(RuleCatalog.ChainNameConstraints, leaf.Certificate, name, violation, by);
                return;
            }

            var found = false;
            void Violated(CertificateFacts named, TlsProfile profiles, string what, CertificateRule? rule = null)
            {
                reporter.Report((rule ?? RuleCatalog.ChainNameConstraints).RejectedOnlyBy(profiles), named.Certificate, name, what, by);
                found = true;
            }

            // rfc822Name: OpenSSL and Go check e-mail SANs (with slightly different host rules); only OpenSSL checks the subject's emailAddress.
            var openSslEmail = NameConstraintMatcher.FirstEmailViolation(constraints, leaf.EmailAddresses, goRules: false);
            var goEmail = NameConstraintMatcher.FirstEmailViolation(constraints, leaf.EmailAddresses, goRules: true);
            if (openSslEmail is not null || goEmail is not null)
            {
                Violated(leaf, (openSslEmail is null ? TlsProfile.None : TlsProfile.OpenSsl) | (goEmail is null ? TlsProfile.None : TlsProfile.Go), openSslEmail ?? goEmail!);
            }
            else if (NameConstraintMatcher.FirstEmailViolation(constraints, leaf.SubjectEmails, goRules: false) is { } subjectEmail)
            {
                Violated(leaf, TlsProfile.OpenSsl, "subject " + subjectEmail);
            }

            // rustls-webpki 0.103 (verify_cert.rs check_signed_chain_name_constraints) applies a CA's constraints to
            // the SANs of every certificate below it, intermediates included, not only the leaf's.
            foreach (var below in path.Certificates.Take(index))
            {
                CheckRustlsOnlyRules(constraints, below, below == leaf, Violated);
            }

            if (found)
            {
                return;
            }

            if (!NameConstraintMatcher.SubjectPermitted(constraints, leaf.Certificate.Certificate.SubjectDN))
            {
                // Only OpenSSL evaluates directoryName subtrees; rustls and Go already refuse the constraint itself (B14).
                reporter.Report(RuleCatalog.ChainNameConstraints.RejectedOnlyBy(TlsProfile.OpenSsl), leaf.Certificate, name,
                    "subject " + leaf.Certificate.Subject, by);
                return;
            }
        }
    }

    // The same-form rule (a SAN form rustls cannot match, constrained by the CA) and the mask rule (an IP SAN that
    // reaches an iPAddress constraint whose mask is not a prefix), for one certificate below the constraining CA.
    private static void CheckRustlsOnlyRules(CertificateFacts constraints, CertificateFacts named, bool isLeaf,
        Action<CertificateFacts, TlsProfile, string, CertificateRule?> violated)
    {
        var whose = isLeaf ? string.Empty : " of intermediate '" + named.Certificate.Subject + "'";
        if (NameConstraintMatcher.FormsRustlsRefuses(constraints, named) is { Count: > 0 } forms)
        {
            var fix = isLeaf ? "leave it out of the server certificate" : "leave it out of the intermediate, or re-issue the CA without constraints of that form";
            violated(named, TlsProfile.Rustls, string.Join(" and ", forms) + whose + $" (a form rustls cannot match, constrained by the CA: {fix})", null);
        }

        if (named.IpAddresses.FirstOrDefault(ip => NameConstraintMatcher.RustlsRefusesMask(constraints, ip)) is { } maskedIp)
        {
            violated(named, TlsProfile.Rustls, "IP:" + HostNameMatcher.Describe(maskedIp) + whose + " (checked against an iPAddress constraint whose mask is not a prefix)", RuleCatalog.ChainNameConstraintMask);
        }
    }
}
