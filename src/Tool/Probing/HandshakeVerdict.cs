using System.Security.Cryptography.X509Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;

namespace Coco.InitData.Tool.Probing;

/// <summary>
/// What a client trusting only the given CAs concludes from the served chain: a path to one of them, and the
/// probed name in the leaf's SAN (CN ignored, as rustls and Go do).
/// </summary>
internal static class HandshakeVerdict
{
    /// <summary>Checks the served chain with .NET's chain builder; no anchors means .NET's own system store (which honours SSL_CERT_FILE and SSL_CERT_DIR).</summary>
    public static void Check(ProbeResult result, IReadOnlyList<X509Certificate2> anchors, string trustedBy, RegistryName registry, string target, DateTimeOffset at, DiagnosticBag diagnostics)
    {
        if (result.ServedChain.Count == 0)
        {
            return;
        }

        var leaf = result.ServedChain[0];
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.ExtraStore.AddRange(result.ServedChain.Skip(1).ToArray());
        if (anchors.Count > 0)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(anchors.ToArray());
        }

        if (!chain.Build(leaf))
        {
            var problems = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct().ToList();
            diagnostics.Error(MessageId.ProbeChainUntrusted, SourceLocation.None, target, problems.Count > 0 ? string.Join("; ", problems) : "no path to a trusted root", trustedBy);
        }

        var name = registry.Address?.ToString() ?? registry.Host;
        if (!leaf.MatchesHostname(name, allowWildcards: true, allowCommonName: false))
        {
            diagnostics.Error(MessageId.ProbeHostNameMismatch, SourceLocation.None, target, name);
        }
    }
}
