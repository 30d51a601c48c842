using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;

namespace Coco.InitData.Containers;

/// <summary>One declared <c>InitDataRegistry</c> rule, as the push check needs it.</summary>
/// <param name="Prefix">The rule's prefix (the item's Include).</param>
/// <param name="Insecure">True for a plain-HTTP registry.</param>
/// <param name="HasCertificateAuthority">True when the rule names a CA for the guest.</param>
public sealed record DeclaredRegistry(string Prefix, bool Insecure, bool HasCertificateAuthority);

/// <summary>
/// Whether the registry the SDK pushes to (and a self-hosted one it pulls the base from) is one the guest is told to
/// trust, and whether the push itself checks what the guest will check. The SDK's behaviour is modelled on the .NET SDK
/// 10.0.1xx containers (Microsoft.NET.Build.Containers, RegistrySettings.IsInsecure and its tests in RegistryTests.cs):
/// <c>DOTNET_CONTAINER_INSECURE_REGISTRIES</c> is a ';'-separated list of registry names, matched whole, ignoring case
/// and white space; a registry there, or on <c>localhost</c>, is pushed to without verifying its certificate.
/// </summary>
public static class PushRegistryCheck
{
    /// <summary>Registries the SDK's base images come from that nobody declares for a guest (public, with public roots).</summary>
    private static readonly HashSet<string> PublicRegistries = new(StringComparer.OrdinalIgnoreCase)
    {
        "mcr.microsoft.com", "docker.io", "registry-1.docker.io", "index.docker.io", "ghcr.io", "quay.io", "gcr.io", "public.ecr.aws", "registry.k8s.io",
    };

    /// <summary>Reports CID1050-CID1052 for the push and base registries (either may be empty).</summary>
    /// <param name="pushRegistry"><c>$(ContainerRegistry)</c>: empty when the image goes to a local daemon.</param>
    /// <param name="repository"><c>$(ContainerRepository)</c>.</param>
    /// <param name="baseRegistry"><c>$(ContainerBaseRegistry)</c>.</param>
    /// <param name="declared">The InitDataRegistry rules in declaration order.</param>
    /// <param name="insecureRegistries">The value of DOTNET_CONTAINER_INSECURE_REGISTRIES, or null.</param>
    /// <param name="location">The project, where the properties are set.</param>
    /// <param name="diagnostics">Where findings go.</param>
    public static void Check(string pushRegistry, string repository, string baseRegistry, IReadOnlyList<DeclaredRegistry> declared,
        string? insecureRegistries, SourceLocation location, DiagnosticBag diagnostics)
    {
        if (pushRegistry.Length > 0)
        {
            var rule = Covering(pushRegistry + "/" + repository, declared);
            if (rule is null)
            {
                diagnostics.Warning(MessageId.PushRegistryNotDeclared, location, "ContainerRegistry", pushRegistry, pushRegistry + "/" + repository);
            }
            else if (rule.HasCertificateAuthority && !rule.Insecure && SkipsVerification(pushRegistry, insecureRegistries) is { } why)
            {
                diagnostics.Warning(MessageId.PushSkipsVerification, location, pushRegistry, rule.Prefix, why);
            }
            else if (rule.Insecure && !IsListed(pushRegistry, insecureRegistries) && !IsLocalhost(pushRegistry))
            {
                diagnostics.Warning(MessageId.PushInsecureNotTold, location, pushRegistry, rule.Prefix);
            }
        }

        // The guest never pulls the base image itself; a self-hosted one is still a registry the project's images come
        // through, and a rule for it is what the same CA is declared with.
        if (baseRegistry.Length > 0 && !PublicRegistries.Contains(baseRegistry)
            && !string.Equals(baseRegistry, pushRegistry, StringComparison.OrdinalIgnoreCase) && Covering(baseRegistry, declared) is null)
        {
            diagnostics.Warning(MessageId.PushRegistryNotDeclared, location, "ContainerBaseRegistry", baseRegistry, baseRegistry);
        }
    }

    /// <summary>Why the SDK pushes to <paramref name="registry"/> without verifying its certificate, or null when it verifies.</summary>
    internal static string? SkipsVerification(string registry, string? insecureRegistries) =>
        IsLocalhost(registry) ? "its host is localhost, which the SDK never verifies"
        : IsListed(registry, insecureRegistries) ? "DOTNET_CONTAINER_INSECURE_REGISTRIES lists it"
        : null;

    // The rule the guest applies to the reference (its prefix matching), or null.
    private static DeclaredRegistry? Covering(string reference, IReadOnlyList<DeclaredRegistry> declared) =>
        GuestPrefixMatcher.Select(reference, declared.Select(d => d.Prefix).ToList()) is { } index ? declared[index] : null;

    private static bool IsListed(string registry, string? insecureRegistries) =>
        (insecureRegistries ?? string.Empty).Split(';').Any(r => string.Equals(r.Trim(), registry, StringComparison.OrdinalIgnoreCase));

    private static bool IsLocalhost(string registry) =>
        string.Equals(registry.Split(':')[0], "localhost", StringComparison.OrdinalIgnoreCase);
}
