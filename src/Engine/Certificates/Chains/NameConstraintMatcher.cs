using System.Net;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace Coco.InitData.Certificates.Chains;

/// <summary>RFC 5280 name constraints for the two forms a registry certificate uses: dNSName and iPAddress.</summary>
public static class NameConstraintMatcher
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

    /// <summary>The registry host as a name to check: DNS text or IP bytes.</summary>
    public static (IEnumerable<string> Dns, IEnumerable<byte[]> Ips) HostNames(string host, IPAddress? address) =>
        address is null ? (new[] { host }, Array.Empty<byte[]>()) : (Array.Empty<string>(), new[] { address.GetAddressBytes() });
}
