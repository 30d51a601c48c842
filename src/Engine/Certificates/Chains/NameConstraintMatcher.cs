using System.Net;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace Coco.InitData.Certificates.Chains;

/// <summary>RFC 5280 name constraints: dNSName and iPAddress (the forms a registry certificate is matched on), rfc822Name, and what each stack refuses.</summary>
internal static class NameConstraintMatcher
{
    /// <summary>The first name of the leaf (or the registry host) that <paramref name="constraints"/> does not permit, or null.</summary>
    public static string? FirstViolation(CertificateFacts constraints, IEnumerable<string> dnsNames, IEnumerable<byte[]> ips)
    {
        foreach (var name in dnsNames)
        {
            if (!Permitted(constraints, GeneralName.DnsName, subtree => DnsWithin(name, subtree)))
            {
                return "DNS:" + name;
            }
        }

        foreach (var ip in ips)
        {
            if (!Permitted(constraints, GeneralName.IPAddress, subtree => IpWithin(ip, subtree)))
            {
                return "IP:" + HostNameMatcher.Describe(ip);
            }
        }

        return null;
    }

    /// <summary>
    /// The first e-mail address that the rfc822Name subtrees do not permit, or null. OpenSSL (v3_ncons.c nc_email)
    /// matches a constraint without '@' or leading '.' against the host part exactly; Go (crypto/x509
    /// matchDomainConstraint) lets it cover subdomains too: <paramref name="goRules"/> picks Go's reading.
    /// </summary>
    public static string? FirstEmailViolation(CertificateFacts constraints, IEnumerable<string> emails, bool goRules)
    {
        foreach (var email in emails)
        {
            if (!Permitted(constraints, GeneralName.Rfc822Name, subtree => EmailWithin(email, DerIA5String.GetInstance(subtree).GetString(), goRules)))
            {
                return "email:" + email;
            }
        }

        return null;
    }

    /// <summary>
    /// The SAN forms of <paramref name="certificate"/> that rustls-webpki cannot match and that the constraints also
    /// name: rustls-webpki 0.103 (src/subject_name/mod.rs) stops with NameConstraintViolation whenever a SAN of an
    /// unsupported form (otherName, rfc822Name, x400Address, ediPartyName, registeredID) meets a subtree of the same
    /// form, and treats a URI SAN against a URI subtree as never permitted and always excluded.
    /// </summary>
    public static IReadOnlyList<string> FormsRustlsRefuses(CertificateFacts constraints, CertificateFacts certificate)
    {
        var refused = new[] { 0, 1, 3, 5, 6, 8 };
        var constrained = constraints.PermittedSubtrees.Concat(constraints.ExcludedSubtrees).Select(s => s.Base.TagNo).ToHashSet();
        return refused.Where(tag => certificate.SubjectAlternativeNameTags.Contains(tag) && constrained.Contains(tag)).Select(FormName).ToList();
    }

    /// <summary>
    /// iPAddress subtrees whose mask is not a run of 1 bits then 0 bits, as address/mask text. Go refuses to parse
    /// such a certificate (crypto/x509 parser.go: "IP constraint contained invalid mask").
    /// </summary>
    public static IReadOnlyList<string> InvalidMasks(CertificateFacts constraints) => constraints.PermittedSubtrees.Concat(constraints.ExcludedSubtrees)
        .Where(s => s.Base.TagNo == GeneralName.IPAddress)
        .Select(s => Asn1OctetString.GetInstance(s.Base.Name).GetOctets())
        .Where(b => b.Length is 8 or 32 && !IsPrefixMask(b.AsSpan(b.Length / 2)))
        .Select(b => HostNameMatcher.Describe(b[..(b.Length / 2)]) + "/" + HostNameMatcher.Describe(b[(b.Length / 2)..]))
        .ToList();

    /// <summary>
    /// True when rustls-webpki 0.103 stops with InvalidNetworkMaskConstraint on <paramref name="ip"/>: it walks each
    /// iPAddress subtree of the same family a byte at a time and fails on a bad mask byte only when every byte before
    /// it matched (src/subject_name/ip_address.rs presented_id_matches_constraint).
    /// </summary>
    public static bool RustlsRefusesMask(CertificateFacts constraints, byte[] ip)
    {
        foreach (var subtree in constraints.PermittedSubtrees.Concat(constraints.ExcludedSubtrees).Where(s => s.Base.TagNo == GeneralName.IPAddress))
        {
            var bytes = Asn1OctetString.GetInstance(subtree.Base.Name).GetOctets();
            if (bytes.Length != ip.Length * 2)
            {
                continue;
            }

            var seenZeroBit = false;
            for (var i = 0; i < ip.Length; i++)
            {
                var mask = bytes[ip.Length + i];
                var leadingOnes = System.Numerics.BitOperations.LeadingZeroCount((uint)(byte)~mask) - 24;
                var trailingZeros = mask == 0 ? 8 : System.Numerics.BitOperations.TrailingZeroCount(mask);
                if (leadingOnes + trailingZeros != 8 || (seenZeroBit && mask != 0))
                {
                    return true;
                }

                seenZeroBit |= mask != 0xff;
                if (((ip[i] ^ bytes[i]) & mask) != 0)
                {
                    break;
                }
            }
        }

        return false;
    }

    /// <summary>True when the subject DN lies within the directoryName subtrees (OpenSSL checks them; webpki refuses them, B14).</summary>
    public static bool SubjectPermitted(CertificateFacts constraints, X509Name subject) =>
        Permitted(constraints, GeneralName.DirectoryName, subtree => DirectoryWithin(subject, X509Name.GetInstance(subtree)));

    // RFC 5280 4.2.1.10: a name is within a directoryName subtree when the subtree's RDNs are a prefix of its RDNs.
    private static bool DirectoryWithin(X509Name subject, X509Name constraint)
    {
        var subjectOids = subject.GetOidList();
        var subjectValues = subject.GetValueList();
        var constraintOids = constraint.GetOidList();
        var constraintValues = constraint.GetValueList();
        if (constraintOids.Count > subjectOids.Count)
        {
            return false;
        }

        for (var i = 0; i < constraintOids.Count; i++)
        {
            if (!constraintOids[i].Equals(subjectOids[i]) || !string.Equals(constraintValues[i].Trim(), subjectValues[i].Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPrefixMask(ReadOnlySpan<byte> mask)
    {
        var zeroSeen = false;
        foreach (var b in mask)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var one = (b >> bit & 1) == 1;
                if (one && zeroSeen)
                {
                    return false;
                }

                zeroSeen |= !one;
            }
        }

        return true;
    }

    private static string FormName(int tag) => tag switch
    {
        0 => "otherName",
        1 => "rfc822Name",
        3 => "x400Address",
        5 => "ediPartyName",
        6 => "URI",
        _ => "registeredID",
    };

    private static bool EmailWithin(string email, string constraint, bool goRules)
    {
        var at = email.LastIndexOf('@');
        if (at < 0)
        {
            return false;
        }

        var host = email[(at + 1)..];
        if (constraint.Contains('@', StringComparison.Ordinal))
        {
            // A mailbox: the local part exactly, the host without regard to case.
            var c = constraint.LastIndexOf('@');
            return string.Equals(email[..at], constraint[..c], StringComparison.Ordinal) && string.Equals(host, constraint[(c + 1)..], StringComparison.OrdinalIgnoreCase);
        }

        if (constraint.StartsWith('.'))
        {
            return host.EndsWith(constraint, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(host, constraint, StringComparison.OrdinalIgnoreCase)
            || (goRules && host.EndsWith("." + constraint, StringComparison.OrdinalIgnoreCase));
    }

    private static bool Permitted(CertificateFacts constraints, int tag, Func<Asn1Encodable, bool> within)
    {
        if (constraints.ExcludedSubtrees.Any(s => s.Base.TagNo == tag && within(s.Base.Name)))
        {
            return false;
        }

        var permitted = constraints.PermittedSubtrees.Where(s => s.Base.TagNo == tag).ToList();
        return permitted.Count == 0 || permitted.Any(s => within(s.Base.Name));
    }

    private static bool DnsWithin(string name, Asn1Encodable constraint)
    {
        var text = DerIA5String.GetInstance(constraint).GetString().TrimStart('.');
        if (text.Length == 0)
        {
            return true;
        }

        name = name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name;
        return string.Equals(name, text, StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("." + text, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IpWithin(byte[] ip, Asn1Encodable constraint)
    {
        var bytes = Asn1OctetString.GetInstance(constraint).GetOctets();
        if (bytes.Length != ip.Length * 2)
        {
            return false;
        }

        for (var i = 0; i < ip.Length; i++)
        {
            var mask = bytes[ip.Length + i];
            if ((ip[i] & mask) != (bytes[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
