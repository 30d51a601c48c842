using System.Text;
using Coco.InitData.Artifacts;
using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;

namespace Coco.InitData.Node;

/// <summary>
/// The node side: with guest pull, the node's containerd still resolves the manifest on the host, so it
/// needs the same CA or plain-HTTP setting as the guest. This turns the registries into
/// <c>containerd/certs.d/&lt;host&gt;/hosts.toml</c> (+ <c>ca.crt</c>), one folder per host, in the order
/// the registries were declared.
/// </summary>
internal static class ContainerdHostsConfiguration
{
    /// <summary>The files to write under the output folder; limits of containerd are reported as CID3010.</summary>
    public static IReadOnlyList<ArtifactFile> Build(IReadOnlyList<ResolvedRegistry> registries, DiagnosticBag diagnostics)
    {
        var files = new List<ArtifactFile>();
        var groups = new List<List<ResolvedRegistry>>();
        foreach (var registry in registries.Where(r => !r.Blocked))
        {
            if (registry.Name.IsWildcard)
            {
                // The guest trusts the CA for every host; containerd has no wildcard folders.
                if (registry.Authorities.Count > 0)
                {
                    diagnostics.Warning(MessageId.NodeConfigurationLimited, registry.DeclaredAt, registry.Name.Text, "the CertificateAuthority", "containerd has no wildcard host folders; add the CA to each host's folder");
                }

                continue;
            }

            var group = groups.FirstOrDefault(g => string.Equals(g[0].Name.Authority, registry.Name.Authority, StringComparison.OrdinalIgnoreCase));
            if (group is null)
            {
                groups.Add(new List<ResolvedRegistry> { registry });
            }
            else
            {
                group.Add(registry);
            }
        }

        foreach (var group in groups)
        {
            AddHost(group, registries, files, diagnostics);
        }

        return files;
    }

    private static void AddHost(List<ResolvedRegistry> group, IReadOnlyList<ResolvedRegistry> all, List<ArtifactFile> files, DiagnosticBag diagnostics)
    {
        // containerd configures whole hosts: only a host-level prefix can remap or have mirrors there.
        var hostLevel = group.FirstOrDefault(r => r.Name.Path.Length == 0);
        foreach (var namespaced in group.Where(r => r.Name.Path.Length > 0))
        {
            if (namespaced.Location is not null)
            {
                diagnostics.Warning(MessageId.NodeConfigurationLimited, namespaced.DeclaredAt, namespaced.Name.Text, "the Location", "containerd remaps whole hosts, not namespaces");
            }

            if (namespaced.Mirrors.Count > 0)
            {
                diagnostics.Warning(MessageId.NodeConfigurationLimited, namespaced.Mirrors[0].DeclaredAt, namespaced.Name.Text, "the mirrors", "containerd mirrors whole hosts, not namespaces");
            }
        }

        var main = hostLevel ?? group[0];
        var target = hostLevel?.Location ?? main.Name;
        var authorities = Distinct(group.SelectMany(r => r.Authorities)
            .Concat(hostLevel is null ? Enumerable.Empty<LoadedCertificate>() : hostLevel.Mirrors.Where(m => !m.Insecure).SelectMany(m => AuthoritiesOf(m.Location, all))));
        var needed = group.Any(r => r.Insecure || r.Authorities.Count > 0) || hostLevel is { Location: not null } || hostLevel is { Mirrors.Count: > 0 };
        if (!needed)
        {
            return;
        }

        var hasCa = authorities.Count > 0;
        var hostsFile = new ContainerdHostsFile
        {
            Prefixes = group.Select(r => r.Name.Text).ToList(),
            Server = Entry(target, main.Insecure, hasCa),
            Mirrors = hostLevel?.Mirrors.Select(m => Entry(m.Location, m.Insecure, hasCa)).ToList() ?? new List<ContainerdHostEntry>(),
        };
        files.Add(new ArtifactFile(ContainerdHostDirectory.PathOf(main.Name, "hosts.toml"), Encoding.UTF8.GetBytes(hostsFile.ToToml())));
        if (hasCa)
        {
            files.Add(new ArtifactFile(ContainerdHostDirectory.PathOf(main.Name, ContainerdHostsFile.CaFileName), Encoding.ASCII.GetBytes(string.Concat(authorities.Select(a => a.Pem)))));
        }
    }

    private static ContainerdHostEntry Entry(RegistryName endpoint, bool insecure, bool hasCa)
    {
        // Docker Hub's API is not served at docker.io itself.
        var authority = endpoint.Authority == "docker.io" ? "registry-1.docker.io" : endpoint.Authority;
        var url = (insecure ? "http://" : "https://") + authority;
        var namespaced = endpoint.Path.Length > 0;
        return new ContainerdHostEntry(namespaced ? url + "/v2/" + endpoint.Path : url, namespaced, hasCa && !insecure);
    }

    // An HTTPS mirror that is also declared as a registry brings that registry's CAs.
    private static IEnumerable<LoadedCertificate> AuthoritiesOf(RegistryName endpoint, IReadOnlyList<ResolvedRegistry> all) =>
        all.Where(r => string.Equals(r.Name.Authority, endpoint.Authority, StringComparison.OrdinalIgnoreCase)).SelectMany(r => r.Authorities);

    private static List<LoadedCertificate> Distinct(IEnumerable<LoadedCertificate> certificates)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return certificates.Where(c => seen.Add(c.Fingerprint)).ToList();
    }
}
