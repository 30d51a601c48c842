using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Coco.InitData.Registries;

/// <summary>
/// A validated registry prefix, <c>host[:port][/namespace...]</c>, as image-rs and containerd match it.
/// Host: a DNS name (a <c>*.</c> wildcard only as the first label), an IPv4 address or a bracketed IPv6 address.
/// </summary>
public partial class RegistryName
{
    private RegistryName(string text, string host, int? port, string path, bool isWildcard, IPAddress? address)
    {
        Text = text;
        Host = host;
        Port = port;
        Path = path;
        IsWildcard = isWildcard;
        Address = address;
    }

    /// <summary>The prefix exactly as validated (what goes into the document).</summary>
    public string Text { get; }

    /// <summary>The host without port; an IPv6 address keeps its brackets.</summary>
    public string Host { get; }

    /// <summary>The port, when given.</summary>
    public int? Port { get; }

    /// <summary>The namespace after the first '/', or empty.</summary>
    public string Path { get; }

    /// <summary>True for a <c>*.domain</c> prefix.</summary>
    public bool IsWildcard { get; }

    /// <summary>The IP address when the host is one; certificates must then carry an iPAddress SAN.</summary>
    public IPAddress? Address { get; }

    /// <summary><c>host[:port]</c>: the registry's network endpoint.</summary>
    public string Authority => Port is { } p ? $"{Host}:{p.ToString(CultureInfo.InvariantCulture)}" : Host;

    /// <summary>The host name for TLS verification: without brackets for IPv6.</summary>
    public string HostForTls => Address is not null ? Address.ToString() : Host;

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Validates a registry prefix; <paramref name="problem"/> says what is wrong in a few words.</summary>
    public static bool TryParse(string? text, out RegistryName? name, out string problem)
    {
        name = null;
        if (string.IsNullOrEmpty(text))
        {
            problem = "it is empty";
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                problem = "it contains white space or a control character";
                return false;
            }
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            problem = "it has a scheme; write the host only (plain HTTP is Insecure=\"true\")";
            return false;
        }

        if (text.EndsWith('/'))
        {
            problem = "it ends with '/'";
            return false;
        }

        if (text.Contains('@', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal) || text.Contains('#', StringComparison.Ordinal))
        {
            problem = "it contains '@', '?' or '#': a registry prefix is host[:port][/namespace] and carries no credentials, tag or digest";
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? text : text[..slash];
        var path = slash < 0 ? string.Empty : text[(slash + 1)..];

        if (!TrySplitAuthority(authority, out var host, out var port, out var address, out problem))
        {
            return false;
        }

        var isWildcard = host.StartsWith("*.", StringComparison.Ordinal);
        if (host.Contains('*', StringComparison.Ordinal) && !isWildcard)
        {
            problem = "a '*.' wildcard may only stand as the first label";
            return false;
        }

        if (isWildcard && (port is not null || path.Length > 0))
        {
            problem = "a wildcard prefix ('*.domain') cannot carry a port or a namespace";
            return false;
        }

        if (address is null && !IsDnsName(isWildcard ? host[2..] : host))
        {
            problem = $"'{host}' is not a DNS name, IPv4 address or bracketed IPv6 address";
            return false;
        }

        if (path.Length > 0)
        {
            foreach (var component in path.Split('/'))
            {
                if (component is "" or "." or "..")
                {
                    problem = "its namespace has an empty, '.' or '..' component";
                    return false;
                }

                if (!PathComponent().IsMatch(component))
                {
                    problem = $"namespace component '{component}' is not a valid repository name (lowercase letters, digits and single '.', '_', '__' or '-' separators)";
                    return false;
                }
            }
        }

        name = new RegistryName(text, host, port, path, isWildcard, address);
        problem = string.Empty;
        return true;
    }

    private static bool TrySplitAuthority(string authority, out string host, out int? port, out IPAddress? address, out string problem)
    {
        host = authority;
        port = null;
        address = null;
        problem = string.Empty;
        string? portText = null;

        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                problem = "an IPv6 address is missing its closing ']'";
                return false;
            }

            host = authority[..(close + 1)];
            var rest = authority[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':'))
                {
                    problem = "only ':port' may follow a bracketed IPv6 address";
                    return false;
                }

                portText = rest[1..];
            }

            if (!IPAddress.TryParse(host[1..^1], out address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                problem = $"'{host}' is not an IPv6 address";
                return false;
            }
        }
        else
        {
            var colon = authority.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                host = authority[..colon];
                portText = authority[(colon + 1)..];
            }

            if (host.Length == 0)
            {
                problem = "the host is empty";
                return false;
            }

            if (Ipv4().IsMatch(host))
            {
                if (!IPAddress.TryParse(host, out address) || address.ToString() != host)
                {
                    problem = $"'{host}' is not a valid IPv4 address";
                    return false;
                }
            }
        }

        if (portText is not null)
        {
            if (portText.Length is 0 or > 5 || !portText.All(char.IsAsciiDigit)
                || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
            {
                problem = $"port '{portText}' is not a number from 1 to 65535";
                return false;
            }

            port = p;
        }

        return true;
    }

    private static bool IsDnsName(string host)
    {
        if (host.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var label in host.Split('.'))
        {
            if (!DnsLabel().IsMatch(label))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[0-9.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4();

    // The distribution reference grammar for one path component.
    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathComponent();
}
