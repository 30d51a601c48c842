using Coco.InitData.Diagnostics;

namespace Coco.InitData.Registries;

/// <summary>Rules that look at the registries together, after each item was validated on its own.</summary>
internal static class RegistryChecks
{
    /// <summary>Runs every cross-item rule.</summary>
    public static void Run(IReadOnlyList<ResolvedRegistry> registries, string? imageSecurityPolicyUri, DiagnosticBag diagnostics)
    {
        CheckEndpointSchemes(registries, diagnostics);
        if (imageSecurityPolicyUri is null)
        {
            WarnPlainHttpWithoutPolicy(registries, diagnostics);
        }
    }

    // Rule: overlapping prefixes, remaps and mirrors that reach one host:port must agree on HTTP or HTTPS.
    // A server speaks one of them, and containerd's certs.d has one file per host.
    private static void CheckEndpointSchemes(IReadOnlyList<ResolvedRegistry> registries, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<string, (string Name, bool Insecure, SourceLocation At)>(StringComparer.OrdinalIgnoreCase);
        void Visit(string name, RegistryName endpoint, bool insecure, SourceLocation at)
        {
            if (!first.TryGetValue(endpoint.Authority, out var seen))
            {
                first.Add(endpoint.Authority, (name, insecure, at));
            }
            else if (seen.Insecure != insecure)
            {
                diagnostics.Error(MessageId.RegistryEndpointSchemeConflict, at, name, endpoint.Authority, Scheme(insecure), seen.Name, seen.At, Scheme(seen.Insecure));
            }
        }

        foreach (var registry in registries.Where(r => !r.Blocked && !r.Name.IsWildcard))
        {
            Visit(registry.Name.Text, registry.Location ?? registry.Name, registry.Insecure, registry.DeclaredAt);
            foreach (var mirror in registry.Mirrors)
            {
                Visit(mirror.Location.Text, mirror.Location, mirror.Insecure, mirror.DeclaredAt);
            }
        }
    }

    // Rule: plain HTTP without signature verification gives no integrity unless every image is pinned by digest.
    private static void WarnPlainHttpWithoutPolicy(IReadOnlyList<ResolvedRegistry> registries, DiagnosticBag diagnostics)
    {
        foreach (var registry in registries.Where(r => !r.Blocked))
        {
            if (registry.Insecure)
            {
                diagnostics.Warning(MessageId.InsecureWithoutImagePolicy, registry.DeclaredAt, "Registry", registry.Name.Text);
            }

            foreach (var mirror in registry.Mirrors.Where(m => m.Insecure))
            {
                diagnostics.Warning(MessageId.InsecureWithoutImagePolicy, mirror.DeclaredAt, "Mirror", mirror.Location.Text);
            }
        }
    }

    private static string Scheme(bool insecure) => insecure ? "plain HTTP (Insecure=\"true\")" : "HTTPS";
}
