using System.Globalization;
using Coco.InitData.Tests.Fixtures;

namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// The command line the Go and webpki oracles share: ROOTS.pem INTERMEDIATES.pem|- LEAF.pem HOST UNIX-SECONDS,
/// with the case's anchors, served chain and host written beside the case at the fixed validation time.
/// </summary>
public static class OracleInput
{
    /// <summary>Writes the case's files with <paramref name="prefix"/> and returns the oracle's arguments.</summary>
    public static string[] Arguments(CertificateCase c, string prefix)
    {
        var anchors = Path.Combine(c.Directory, prefix + "-anchors.pem");
        File.WriteAllText(anchors, string.Concat(c.AnchorCertificates.Select(a => a.Pem)));
        var leaf = Path.Combine(c.Directory, prefix + "-leaf.pem");
        File.WriteAllText(leaf, c.Chain[0].Pem);
        var untrusted = "-";
        if (c.Chain.Count > 1)
        {
            untrusted = Path.Combine(c.Directory, prefix + "-untrusted.pem");
            File.WriteAllText(untrusted, string.Concat(c.Chain.Skip(1).Select(i => i.Pem)));
        }

        return new[] { anchors, untrusted, leaf, OpenSslVerify.HostOf(c.Host!), TestPki.ValidationTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
    }

    /// <summary>True when <paramref name="command"/> is an executable file in a PATH folder.</summary>
    public static bool OnPath(string command) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(directory => File.Exists(Path.Combine(directory, command)));
}
