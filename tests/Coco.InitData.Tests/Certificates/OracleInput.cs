using System.Globalization;

namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// What every oracle verifies: anchors, the served intermediates (or none), the leaf, the host ("" for no host
/// check) and the time, as PEM files in a folder. The Go and webpki oracles share one command line built from it:
/// ROOTS.pem INTERMEDIATES.pem|- LEAF.pem HOST UNIX-SECONDS.
/// </summary>
internal sealed record OracleInput(string Directory, string Anchors, string? Untrusted, string Leaf, string Host, DateTimeOffset At)
{
    /// <summary>Writes a certificate case's files, named with <paramref name="prefix"/>.</summary>
    public static OracleInput Of(CertificateCase c, string prefix) => Write(
        c.Directory, prefix, c.AnchorCertificates.Select(a => a.Pem), c.Chain.Select(x => x.Pem).ToList(), OpenSslVerify.HostOf(c.Host!), TestPki.ValidationTime);

    /// <summary>Writes PEM certificates (the chain leaf first) to <paramref name="directory"/>.</summary>
    public static OracleInput Write(string directory, string prefix, IEnumerable<string> anchorPems, IReadOnlyList<string> chainPems, string host, DateTimeOffset at)
    {
        var anchors = Path.Combine(directory, prefix + "-anchors.pem");
        File.WriteAllText(anchors, string.Concat(anchorPems));
        var leaf = Path.Combine(directory, prefix + "-leaf.pem");
        File.WriteAllText(leaf, chainPems[0]);
        string? untrusted = null;
        if (chainPems.Count > 1)
        {
            untrusted = Path.Combine(directory, prefix + "-untrusted.pem");
            File.WriteAllText(untrusted, string.Concat(chainPems.Skip(1)));
        }

        return new OracleInput(directory, anchors, untrusted, leaf, host, at);
    }

    /// <summary>The Go and webpki oracles' arguments.</summary>
    public string[] Arguments => new[] { Anchors, Untrusted ?? "-", Leaf, Host, At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
}
