using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;
using Coco.InitData.SecretDetection;
using Coco.InitData.Specification;

namespace Coco.InitData.Generation;

/// <summary>Validates registry and mirror items and loads the certificate files they name.</summary>
internal static class RegistryResolver
{
    public static List<ResolvedRegistry> Resolve(InitDataSpecification spec, DiagnosticBag diagnostics)
    {
        var registries = new List<ResolvedRegistry>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in spec.Registries)
        {
            var itemName = item.Name.Trim();
            if (!RegistryName.TryParse(itemName, out var name, out var problem))
            {
                diagnostics.Error(MessageId.RegistryNameInvalid, item.DeclaredAt, InlineSecrets.Redact(item.Name), InlineSecrets.Redact(problem));
                continue;
            }

            if (seen.TryGetValue(name!.Text, out var first))
            {
                diagnostics.Error(MessageId.RegistryDeclaredTwice, item.DeclaredAt, name.Text, first);
                continue;
            }

            seen.Add(name.Text, item.DeclaredAt);
            var insecure = ReadFlag("InitDataRegistry", item.Name, "Insecure", item.Insecure, item.DeclaredAt, diagnostics);
            var blocked = ReadFlag("InitDataRegistry", item.Name, "Blocked", item.Blocked, item.DeclaredAt, diagnostics);
            RegistryName? location = null;
            if (!string.IsNullOrWhiteSpace(item.Location))
            {
                if (RegistryName.TryParse(item.Location.Trim(), out var parsed, out var locationProblem) && !parsed!.IsWildcard)
                {
                    location = parsed;
                }
                else
                {
                    diagnostics.Error(MessageId.ItemMetadataInvalid, item.DeclaredAt, "InitDataRegistry", InlineSecrets.Redact(item.Name), "Location", InlineSecrets.Redact(item.Location),
                        locationProblem.Length > 0 ? InlineSecrets.Redact(locationProblem) : "a location cannot be a wildcard");
                }
            }

            CheckIpv6(name, location, item.DeclaredAt, diagnostics);
            var authorities = LoadFiles(spec, item.BaseDirectory, item.CertificateAuthority, "CertificateAuthority", TrustAnchorRole.RegistryCertificateAuthority, item.DeclaredAt, diagnostics);
            CheckSettings(name, item, insecure, blocked, location, authorities.Count > 0, diagnostics);
            registries.Add(new ResolvedRegistry
            {
                Name = name,
                DeclaredAt = item.DeclaredAt,
                Insecure = insecure,
                Blocked = blocked,
                Location = location,
                Authorities = authorities,
                ServedChain = LoadFiles(spec, item.BaseDirectory, item.ServerCertificate, "ServerCertificate", TrustAnchorRole.ServedChain, item.DeclaredAt, diagnostics),
            });
        }

        foreach (var mirror in spec.Mirrors)
        {
            ResolveMirror(mirror, registries, diagnostics);
        }

        foreach (var registry in registries.Where(r => r.Blocked && r.Mirrors.Count > 0))
        {
            diagnostics.Warning(MessageId.BlockedRegistryHasSettings, registry.Mirrors[0].DeclaredAt, registry.Name.Text, "mirror '" + registry.Mirrors[0].Location.Text + "'");
        }

        return registries;
    }

    // oci-spec 0.9.0 src/distribution/reference.rs (oci-client 0.16, image-rs v0.21.0): the reference grammar's host
    // is a domain name or an IPv4 address, never "[ipv6]"; a rewritten mirror or location reference is parsed again.
    private static void CheckIpv6(RegistryName name, RegistryName? location, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (IsIpv6(name))
        {
            diagnostics.Warning(MessageId.RegistryIpv6NotPullableInGuest, at, name.Text);
        }

        if (location is not null && IsIpv6(location))
        {
            diagnostics.Error(MessageId.RegistryIpv6LocationBreaksPulls, at, location.Text, "Location", name.Text);
        }
    }

    private static bool IsIpv6(RegistryName name) => name.Address?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    // Rules on one item: what the guest cannot do with a wildcard, and settings that silently have no effect.
    private static void CheckSettings(RegistryName name, RegistryDeclaration item, bool insecure, bool blocked, RegistryName? location, bool hasAuthorities, DiagnosticBag diagnostics)
    {
        if (name.IsWildcard && location is not null)
        {
            diagnostics.Error(MessageId.RegistryWildcardRemap, item.DeclaredAt, name.Text, location.Text);
        }

        if (name.IsWildcard && insecure && !blocked)
        {
            diagnostics.Error(MessageId.RegistryWildcardNeedsLocation, item.DeclaredAt, name.Text, "Insecure=\"true\"");
        }

        if (blocked)
        {
            var ignored = new List<string>();
            if (insecure)
            {
                ignored.Add("Insecure");
            }

            if (location is not null)
            {
                ignored.Add("Location");
            }

            if (hasAuthorities)
            {
                ignored.Add("CertificateAuthority");
            }

            if (ignored.Count > 0)
            {
                diagnostics.Warning(MessageId.BlockedRegistryHasSettings, item.DeclaredAt, name.Text, string.Join(", ", ignored));
            }
        }
        else if (insecure && hasAuthorities)
        {
            diagnostics.Warning(MessageId.InsecureWithCertificateAuthority, item.DeclaredAt, name.Text);
        }
    }

    /// <summary>Loads each ';'-separated file of a metadata value, in order.</summary>
    public static IReadOnlyList<LoadedCertificate> LoadFiles(
        InitDataSpecification spec, string baseDirectory, string? files, string kind, TrustAnchorRole role, SourceLocation declaredAt, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(files))
        {
            return Array.Empty<LoadedCertificate>();
        }

        var result = new List<LoadedCertificate>();
        foreach (var path in files.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var full = InputFiles.Resolve(baseDirectory, path);
            result.AddRange(CertificateFileLoader.Load(full, SourcePath(spec, path, full), kind, role, declaredAt, diagnostics));
        }

        return result;
    }

    /// <summary>
    /// How a certificate file is named in messages and in initdata.json's <c>source</c>: relative to the project folder,
    /// or, for options (whose base is only the current folder), as given when given absolute, so the same command run
    /// from another folder writes the same bytes.
    /// </summary>
    private static string SourcePath(InitDataSpecification spec, string declared, string full) =>
        spec.Style == Settings.DeclarationStyle.CommandLine && Path.IsPathRooted(declared)
            ? full.Replace('\\', '/')
            : InputFiles.DisplayPath(spec.BaseDirectory, full);

    private static void ResolveMirror(MirrorDeclaration mirror, List<ResolvedRegistry> registries, DiagnosticBag diagnostics)
    {
        if (!RegistryName.TryParse(mirror.Location.Trim(), out var location, out var problem) || location!.IsWildcard)
        {
            diagnostics.Error(MessageId.RegistryNameInvalid, mirror.DeclaredAt, InlineSecrets.Redact(mirror.Location), problem.Length > 0 ? InlineSecrets.Redact(problem) : "a mirror cannot be a wildcard");
            return;
        }

        var insecure = ReadFlag("InitDataRegistryMirror", mirror.Location, "Insecure", mirror.Insecure, mirror.DeclaredAt, diagnostics);
        var registryText = mirror.Registry?.Trim() ?? string.Empty;
        if (registryText.Length == 0)
        {
            diagnostics.Error(MessageId.MirrorRegistryUndeclared, mirror.DeclaredAt, mirror.Location, registryText, "it is not set");
            return;
        }

        if (!RegistryName.TryParse(registryText, out var registryName, out var registryProblem))
        {
            diagnostics.Error(MessageId.MirrorRegistryUndeclared, mirror.DeclaredAt, mirror.Location, InlineSecrets.Redact(registryText), InlineSecrets.Redact(registryProblem));
            return;
        }

        var target = registries.FirstOrDefault(r => string.Equals(r.Name.Text, registryName!.Text, StringComparison.OrdinalIgnoreCase));
        if (target is null)
        {
            // A mirror of a registry nobody declared implies the registry's rule (plain prefix, no CA of its own),
            // as in <InitDataRegistryMirror Include="mirror.example.internal:5000" Registry="docker.io" />.
            target = new ResolvedRegistry { Name = registryName!, DeclaredAt = mirror.DeclaredAt };
            registries.Add(target);
        }

        if (target.Name.IsWildcard)
        {
            diagnostics.Error(MessageId.RegistryWildcardNeedsLocation, mirror.DeclaredAt, target.Name.Text, "a mirror ('" + location.Text + "')");
            return;
        }

        if (IsIpv6(location))
        {
            diagnostics.Error(MessageId.RegistryIpv6LocationBreaksPulls, mirror.DeclaredAt, location.Text, "mirror", target.Name.Text);
        }

        target.Mirrors.Add(new ResolvedMirror(location, insecure, mirror.DeclaredAt));
    }

    /// <summary>Reads a true/false metadata value; empty means false.</summary>
    public static bool ReadFlag(string itemType, string itemName, string metadata, string? value, SourceLocation at, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (bool.TryParse(value.Trim(), out var flag))
        {
            return flag;
        }

        diagnostics.Error(MessageId.ItemMetadataInvalid, at, itemType, InlineSecrets.Redact(itemName), metadata, InlineSecrets.Redact(value), "use true or false");
        return false;
    }
}
