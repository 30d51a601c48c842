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
