using System.Net;

namespace Coco.InitData.Certificates.Chains;

/// <summary>RFC 6125 matching as the guest stacks do it: SAN only, a wildcard for exactly one leftmost label, IPs byte for byte.</summary>
internal static class HostNameMatcher
{
    /// <summary>True when the DNS name <paramref name="pattern"/> (possibly <c>*.domain</c>) covers <paramref name="host"/>.</summary>
    public static bool Matches(string pattern, string host)
    {
        pattern = pattern.TrimEnd('.');
        host = host.TrimEnd('.');
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var dot = host.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 && string.Equals(host[(dot + 1)..], pattern[2..], StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when an iPAddress SAN equals the address.</summary>
    public static bool Matches(byte[] san, IPAddress address) => san.AsSpan().SequenceEqual(address.GetAddressBytes());

    /// <summary>True when Go's net.IP.Equal takes the SAN for the address: equal bytes, or one is the IPv4-mapped IPv6 form of the other.</summary>
    public static bool MatchesAsGo(byte[] san, IPAddress address)
    {
        static byte[] Normal(byte[] b) => b.Length == 16 && new IPAddress(b).IsIPv4MappedToIPv6 ? b[12..] : b;
        return san.Length is 4 or 16 && Normal(san).AsSpan().SequenceEqual(Normal(address.GetAddressBytes()));
    }

    /// <summary>An iPAddress SAN as text.</summary>
    public static string Describe(byte[] san) => san.Length is 4 or 16 ? new IPAddress(san).ToString() : Convert.ToHexString(san);
}
