using Coco.InitData.Diagnostics;

namespace Coco.InitData.Registries;

/// <summary>Rules that look at the registries together, after each item was validated on its own.</summary>
internal static class RegistryChecks
{
    /// <summary>Runs every cross-item rule.</summary>
    public static void Run(IReadOnlyList<ResolvedRegistry> registries, string? imageSecurityPolicyUri, DiagnosticBag diagnostics)
    {
        CheckEndpointSchemes(registries, diagnostics);
        CheckRulesMatchingInside(registries, diagnostics);
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

    // Rule: the guest looks for a rule's prefix anywhere in a reference (GuestPrefixMatcher), so a rule whose prefix
    // occurs inside another registry's name captures that registry's images: a 'quay.io' block also blocks
    // 'registry.internal/quay.io' and 'myquay.io'. A match at the start of the name is ordinary prefix matching.
    private static void CheckRulesMatchingInside(IReadOnlyList<ResolvedRegistry> registries, DiagnosticBag diagnostics)
    {
        var rules = registries.Where(r => r.WritesRule).ToList();
        var prefixes = rules.Select(r => r.Name.Text).ToList();
        foreach (var registry in registries.Where(r => !r.Name.IsWildcard))
        {
            if (GuestPrefixMatcher.Select(registry.Name.Text, prefixes) is not { } index
                || ReferenceEquals(rules[index], registry)
                || rules[index].Name.IsWildcard
                || GuestPrefixMatcher.Match(registry.Name.Text, prefixes[index])!.Value.Start == 0)
            {
                continue;
            }

            var rule = rules[index];
            diagnostics.Warning(MessageId.RegistryRuleMatchesInside, registry.DeclaredAt, registry.Name.Text, rule.Name.Text, rule.DeclaredAt, Effect(rule));
        }
    }

    private static string Effect(ResolvedRegistry rule) =>
        rule.Blocked ? "blocks them"
        : rule.Location is not null ? "pulls them from '" + rule.Location.Text + "' instead"
        : rule.Mirrors.Count > 0 ? "tries its mirrors first"
        : "pulls them over plain HTTP";

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
