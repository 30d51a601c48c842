using Tomlyn.Syntax;

namespace Coco.InitData.Documents;

/// <summary>
/// The Confidential Data Hub configuration (<c>cdh.toml</c>) as the guest reads it. Only keys the guest
/// knows are ever written: the guest ignores a misspelled key silently. <c>socket</c> is never written
/// (the kata-agent hard-codes it).
/// </summary>
internal sealed class CdhConfiguration
{
    /// <summary><c>[kbc] name</c>: cc_kbc or offline_fs_kbc.</summary>
    public required string KbcName { get; init; }

    /// <summary><c>[kbc] url</c>.</summary>
    public string? KbcUrl { get; init; }

    /// <summary><c>[kbc] kbs_cert</c>: canonical PEM of the https KBS root.</summary>
    public string? KbsCertificatePem { get; init; }

    /// <summary><c>[image] extra_root_certificates</c>: one canonical PEM certificate per entry.</summary>
    public IReadOnlyList<string> ExtraRootCertificates { get; init; } = System.Array.Empty<string>();

    /// <summary><c>[image] authenticated_registry_credentials_uri</c>.</summary>
    public string? AuthenticatedRegistryCredentialsUri { get; init; }

    /// <summary><c>[image] image_security_policy_uri</c>.</summary>
    public string? ImageSecurityPolicyUri { get; init; }

    /// <summary><c>[image] sigstore_config_uri</c>.</summary>
    public string? SigstoreConfigUri { get; init; }

    /// <summary><c>[image.image_pull_proxy]</c>, when a proxy is set.</summary>
    public ImagePullProxy? ImagePullProxy { get; init; }

    /// <summary><c>[image.registry_config] unqualified-search-registries</c>; written only with <see cref="RegistryRules"/> or when set explicitly.</summary>
    public IReadOnlyList<string>? UnqualifiedSearchRegistries { get; init; }

    /// <summary><c>[[image.registry_config.registry]]</c> rules.</summary>
    public IReadOnlyList<RegistryRule> RegistryRules { get; init; } = System.Array.Empty<RegistryRule>();

    /// <summary>True when the <c>[image.registry_config]</c> table is written.</summary>
    public bool HasRegistryConfig => RegistryRules.Count > 0 || UnqualifiedSearchRegistries is not null;

    private bool HasImageSection =>
        ExtraRootCertificates.Count > 0 || AuthenticatedRegistryCredentialsUri is not null || ImageSecurityPolicyUri is not null
        || SigstoreConfigUri is not null || ImagePullProxy is not null || HasRegistryConfig;

    /// <summary>The TOML text, LF line endings, ending in a newline.</summary>
    public string ToToml()
    {
        var document = new DocumentSyntax();
        var kbc = TomlValues.Table("kbc", blankLineBefore: false);
        kbc.Items.Add(new KeyValueSyntax("name", TomlValues.Basic(KbcName)));
        AddIfSet(kbc, "url", KbcUrl);
        if (KbsCertificatePem is not null)
        {
            kbc.Items.Add(new KeyValueSyntax("kbs_cert", TomlValues.Pem(KbsCertificatePem)));
        }

        document.Tables.Add(kbc);
        if (!HasImageSection)
        {
            return document.ToString();
        }

        var image = TomlValues.Table("image", blankLineBefore: true);
        if (ExtraRootCertificates.Count > 0)
        {
            image.Items.Add(new KeyValueSyntax("extra_root_certificates", TomlValues.Array(ExtraRootCertificates.Select(TomlValues.Pem))));
        }

        AddIfSet(image, "authenticated_registry_credentials_uri", AuthenticatedRegistryCredentialsUri);
        AddIfSet(image, "image_security_policy_uri", ImageSecurityPolicyUri);
        AddIfSet(image, "sigstore_config_uri", SigstoreConfigUri);
        document.Tables.Add(image);

        if (ImagePullProxy is { } proxy)
        {
            var table = TomlValues.Table("image.image_pull_proxy", blankLineBefore: true);
            AddIfSet(table, "https_proxy", proxy.HttpsProxy);
            AddIfSet(table, "http_proxy", proxy.HttpProxy);
            AddIfSet(table, "no_proxy", proxy.NoProxy);
            document.Tables.Add(table);
        }

        if (HasRegistryConfig)
        {
            AddRegistryConfig(document);
        }

        return document.ToString();
    }

    private void AddRegistryConfig(DocumentSyntax document)
    {
        var config = TomlValues.Table("image.registry_config", blankLineBefore: true);
        config.Items.Add(new KeyValueSyntax(
            "unqualified-search-registries",
            TomlValues.Array((UnqualifiedSearchRegistries ?? new[] { "docker.io" }).Select(TomlValues.Basic))));
        document.Tables.Add(config);

        foreach (var rule in RegistryRules)
        {
            var entry = TomlValues.TableArray("image.registry_config.registry");
            entry.Items.Add(new KeyValueSyntax("prefix", TomlValues.Basic(rule.Prefix)));
            entry.Items.Add(new KeyValueSyntax("location", TomlValues.Basic(rule.Location)));
            entry.Items.Add(new KeyValueSyntax("insecure", new BooleanValueSyntax(rule.Insecure)));
            entry.Items.Add(new KeyValueSyntax("blocked", new BooleanValueSyntax(rule.Blocked)));
            document.Tables.Add(entry);

            foreach (var mirror in rule.Mirrors)
            {
                var m = TomlValues.TableArray("image.registry_config.registry.mirror");
                m.Items.Add(new KeyValueSyntax("location", TomlValues.Basic(mirror.Location)));
                m.Items.Add(new KeyValueSyntax("insecure", new BooleanValueSyntax(mirror.Insecure)));
                document.Tables.Add(m);
            }
        }
    }

    private static void AddIfSet(TableSyntax table, string key, string? value)
    {
        if (value is not null)
        {
            table.Items.Add(new KeyValueSyntax(key, TomlValues.Basic(value)));
        }
    }
}
