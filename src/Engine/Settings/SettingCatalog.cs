using Coco.InitData.Registries;
using Coco.InitData.Transport;

namespace Coco.InitData.Settings;

/// <summary>
/// Every InitData setting, once: its property, tool option, default and help. The targets' defaults, the text they hash
/// for incrementality, the task call and the "declares nothing" condition are rendered from these rows
/// (<c>DeclarationWiringTests</c>; <c>COCO_UPDATE_GENERATED=1</c> rewrites them), as is the docs' reference table; the task
/// reads each by its property name, the tool makes an option of each. Adding a setting: a row here (and in
/// <see cref="All"/>, and <see cref="Declarations"/> when it puts something into the document), a parameter of the same
/// name on the GenerateInitData task, the regenerated files, and the feature that reads it (ResolvedSettings).
/// </summary>
public static class SettingCatalog
{
    internal static readonly SettingDefinition Algorithm = new("InitDataAlgorithm", "--algorithm", "sha256",
        "The digest algorithm of the document's measurement: sha256, sha384 or sha512, spelled exactly so.");

    internal static readonly SettingDefinition KbsUrl = new("InitDataKbsUrl", "--kbs-url", null,
        "The Trustee KBS URL, for aa.toml [token_configs.kbs] and cdh.toml [kbc].");

    internal static readonly SettingDefinition KbcName = new("InitDataKbcName", "--kbc-name", "cc_kbc",
        "The key broker client: cc_kbc (a Trustee KBS) or offline_fs_kbc.");

    internal static readonly SettingDefinition KbsCertificate = new("InitDataKbsCertificate", "--kbs-cert", null,
        "A PEM file: the root of an https KBS (cdh.toml kbs_cert and aa.toml cert).");

    internal static readonly SettingDefinition PolicyFile = new("InitDataPolicyFile", "--policy", null,
        "A .rego file embedded as policy.rego (line endings normalised).");

    internal static readonly SettingDefinition RegistryCredentialsUri = new("InitDataRegistryCredentialsUri", "--registry-credentials-uri", null,
        "authenticated_registry_credentials_uri: a kbs:/// or file:/// URI, never an inline secret.");

    internal static readonly SettingDefinition ImageSecurityPolicyUri = new("InitDataImageSecurityPolicyUri", "--image-security-policy-uri", null,
        "image_security_policy_uri: the containers-policy.json the guest enforces.");

    internal static readonly SettingDefinition SigstoreConfigUri = new("InitDataSigstoreConfigUri", "--sigstore-config-uri", null,
        "sigstore_config_uri.");

    internal static readonly SettingDefinition HttpsProxy = new("InitDataHttpsProxy", "--https-proxy", null,
        "[image.image_pull_proxy] https_proxy.");

    internal static readonly SettingDefinition HttpProxy = new("InitDataHttpProxy", "--http-proxy", null,
        "[image.image_pull_proxy] http_proxy.");

    internal static readonly SettingDefinition NoProxy = new("InitDataNoProxy", "--no-proxy", null,
        "[image.image_pull_proxy] no_proxy: hosts separated by ','.");

    internal static readonly SettingDefinition UnqualifiedSearchRegistries = new("InitDataUnqualifiedSearchRegistries", "--unqualified-search-registries", null,
        "';'-separated registries for short image names (the guest's own default is docker.io).");

    internal static readonly SettingDefinition AnnotationName = new("InitDataAnnotationName", "--annotation-name", AnnotationKey.Default,
        "The pod annotation kata reads initdata from.");

    internal static readonly SettingDefinition CertificateExpiryWarningDays = new("InitDataCertificateExpiryWarningDays", "--expiry-warning-days", "30",
        "Warn when a certificate expires within this many days.");

    internal static readonly SettingDefinition CertificateLifetimeWarningPercent = new("InitDataCertificateLifetimeWarningPercent", "--lifetime-warning-percent", "80",
        "Warn when this share of a certificate's lifetime has passed (0 disables).");

    internal static readonly SettingDefinition ValidationTime = new("InitDataValidationTime", "--validation-time", null,
        "The ISO 8601 UTC instant certificates are validated at (default now), or a date alone for its midnight UTC: reproducible CI checks.");

    internal static readonly SettingDefinition TlsProfiles = new("InitDataTlsProfiles", "--tls-profiles", "rustls;openssl",
        "The guest TLS stacks every certificate must satisfy: rustls, openssl or both, ';'-separated.");

    internal static readonly SettingDefinition GuestComponentsVersion = new("InitDataGuestComponentsVersion", "--guest-components-version", Registries.GuestComponentsVersion.Current.ToString(3),
        "The guest-components release the guest image runs (0.13.0 or v0.13.0): a feature it cannot use fails.");

    internal static readonly SettingDefinition KustomizeLabelSelector = new("InitDataKustomizeLabelSelector", "--kustomize-label-selector", null,
        "A label selector (app=web,tier in (a,b)): the Kustomize Component annotates only the objects whose own labels match.");

    /// <summary>
    /// The settings that put something into the document: with none of them, no registry, mirror or certificate,
    /// and the default <see cref="KbcName"/>, a project declares nothing (<see cref="Specification.InitDataSpecification.DeclaresNothing"/>).
    /// The targets' build hook names the same properties to skip such a project without running a target.
    /// </summary>
    internal static IReadOnlyList<SettingDefinition> Declarations { get; } = new[]
    {
        KbsUrl, KbsCertificate, PolicyFile, RegistryCredentialsUri, ImageSecurityPolicyUri, SigstoreConfigUri, HttpsProxy,
        HttpProxy, NoProxy, UnqualifiedSearchRegistries,
    };

    /// <summary>Every setting, in the order the tool's help and the README list them.</summary>
    public static IReadOnlyList<SettingDefinition> All { get; } = new[]
    {
        Algorithm, KbsUrl, KbcName, KbsCertificate, PolicyFile, RegistryCredentialsUri, ImageSecurityPolicyUri,
        SigstoreConfigUri, HttpsProxy, HttpProxy, NoProxy, UnqualifiedSearchRegistries, AnnotationName,
        CertificateExpiryWarningDays, CertificateLifetimeWarningPercent, ValidationTime, TlsProfiles, GuestComponentsVersion,
        KustomizeLabelSelector,
    };
}
