using System.CommandLine;
using Coco.InitData.Diagnostics;
using Coco.InitData.Specification;

namespace Coco.InitData.Tool.Commands;

/// <summary>
/// The options of <c>generate</c> without a project: the same declarations as the MSBuild items and
/// properties, named as options. Relative paths are resolved against the current folder.
/// </summary>
internal sealed class SpecificationOptions
{
    private readonly Option<string[]> _registry = Many("--registry", "A registry reached over HTTPS: NAME or NAME=CAFILE[;CAFILE...] (its CA certificates, embedded as extra roots).");
    private readonly Option<string[]> _insecureRegistry = Many("--insecure-registry", "A registry reached over plain HTTP.");
    private readonly Option<string[]> _blockedRegistry = Many("--blocked-registry", "A registry prefix whose pulls are refused.");
    private readonly Option<string[]> _mirror = Many("--mirror", "A mirror tried before its registry: MIRROR=REGISTRY (the registry must be declared too).");
    private readonly Option<string[]> _ca = Many("--ca", "An extra trust anchor not tied to one registry (PEM file).");
    private readonly List<Option<string?>> _settings = new();

    public SpecificationOptions()
    {
        Setting("--algorithm", "sha256, sha384 or sha512 (default sha256).");
        Setting("--kbs-url", "The Trustee KBS URL (aa.toml and cdh.toml [kbc]).");
        Setting("--kbc-name", "cc_kbc (default) or offline_fs_kbc.");
        Setting("--kbs-cert", "PEM file: the https KBS root.");
        Setting("--policy", "A .rego file embedded as policy.rego.");
        Setting("--registry-credentials-uri", "authenticated_registry_credentials_uri (a kbs:/// URI).");
        Setting("--image-security-policy-uri", "image_security_policy_uri.");
        Setting("--sigstore-config-uri", "sigstore_config_uri.");
        Setting("--https-proxy", "[image.image_pull_proxy] https_proxy.");
        Setting("--http-proxy", "[image.image_pull_proxy] http_proxy.");
        Setting("--no-proxy", "[image.image_pull_proxy] no_proxy.");
        Setting("--unqualified-search-registries", "';'-separated registries for short image names (default docker.io).");
        Setting("--annotation-name", "The annotation key (default io.katacontainers.config.hypervisor.cc_init_data).");
        Setting("--expiry-warning-days", "Warn when a certificate expires within this many days (default 30).");
        Setting("--lifetime-warning-percent", "Warn when this share of a certificate's lifetime has passed (default 80).");
        Setting("--validation-time", "ISO 8601 UTC instant to validate certificates at (default now).");
        Setting("--tls-profiles", "The guest TLS stacks certificates must satisfy: rustls;openssl (default both).");
        Setting("--guest-components-version", "The guest-components release the guest runs, e.g. 0.13.0 (default the current one): features it cannot use fail.");
    }

    /// <summary>Adds every option to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _registry, _insecureRegistry, _blockedRegistry, _mirror, _ca }.Concat(_settings))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True when any declaration was given: generate then needs no project.</summary>
    public bool AnyGiven(ParseResult parse) =>
        new[] { _registry, _insecureRegistry, _blockedRegistry, _mirror, _ca }.Any(o => parse.GetValue(o) is { Length: > 0 })
        || _settings.Any(s => parse.GetValue(s) is not null);

    /// <summary>The specification the options declare.</summary>
    public InitDataSpecification Build(ParseResult parse, string baseDirectory)
    {
        var here = SourceLocation.None;
        var registries = new List<RegistryDeclaration>();
        foreach (var value in parse.GetValue(_registry) ?? Array.Empty<string>())
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            registries.Add(new RegistryDeclaration
            {
                Name = equals < 0 ? value : value[..equals],
                CertificateAuthority = equals < 0 ? null : value[(equals + 1)..],
                DeclaredAt = here,
                BaseDirectory = baseDirectory,
            });
        }

        registries.AddRange((parse.GetValue(_insecureRegistry) ?? Array.Empty<string>()).Select(n => new RegistryDeclaration { Name = n, Insecure = "true", DeclaredAt = here, BaseDirectory = baseDirectory }));
        registries.AddRange((parse.GetValue(_blockedRegistry) ?? Array.Empty<string>()).Select(n => new RegistryDeclaration { Name = n, Blocked = "true", DeclaredAt = here, BaseDirectory = baseDirectory }));
        var mirrors = (parse.GetValue(_mirror) ?? Array.Empty<string>()).Select(value =>
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            return new MirrorDeclaration { Location = equals < 0 ? value : value[..equals], Registry = equals < 0 ? null : value[(equals + 1)..], DeclaredAt = here };
        }).ToList();
        var certificates = (parse.GetValue(_ca) ?? Array.Empty<string>())
            .Select(path => new CertificateDeclaration { Path = path, DeclaredAt = here, BaseDirectory = baseDirectory }).ToList();

        var values = _settings
            .Select(o => (o.Name, Value: parse.GetValue(o)))
            .Where(x => x.Value is not null)
            .ToDictionary(x => x.Name, x => new SettingValue(x.Name, x.Value!, here), StringComparer.Ordinal);
        SettingValue? Get(string name) => values.GetValueOrDefault(name);

        return new InitDataSpecification
        {
            BaseDirectory = baseDirectory,
            Registries = registries,
            Mirrors = mirrors,
            Certificates = certificates,
            Algorithm = Get("--algorithm"),
            KbsUrl = Get("--kbs-url"),
            KbcName = Get("--kbc-name"),
            KbsCertificate = Get("--kbs-cert"),
            PolicyFile = Get("--policy"),
            RegistryCredentialsUri = Get("--registry-credentials-uri"),
            ImageSecurityPolicyUri = Get("--image-security-policy-uri"),
            SigstoreConfigUri = Get("--sigstore-config-uri"),
            HttpsProxy = Get("--https-proxy"),
            HttpProxy = Get("--http-proxy"),
            NoProxy = Get("--no-proxy"),
            UnqualifiedSearchRegistries = Get("--unqualified-search-registries"),
            AnnotationName = Get("--annotation-name"),
            CertificateExpiryWarningDays = Get("--expiry-warning-days"),
            CertificateLifetimeWarningPercent = Get("--lifetime-warning-percent"),
            ValidationTime = Get("--validation-time"),
            TlsProfiles = Get("--tls-profiles"),
            GuestComponentsVersion = Get("--guest-components-version"),
        };
    }

    private static Option<string[]> Many(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = false, Arity = ArgumentArity.OneOrMore };

    private void Setting(string name, string description) =>
        _settings.Add(new Option<string?>(name) { Description = description });
}
