using Coco.InitData.Settings;

namespace Coco.InitData.Specification;

/// <summary>
/// Everything a user declared, as written: the single input of <see cref="Generation.InitDataGenerator"/>.
/// The MSBuild task and the tool both fill it in; the engine validates it, so both front ends give the
/// same answer and the same codes for the same input.
/// </summary>
public sealed class InitDataSpecification
{
    private readonly Dictionary<SettingDefinition, SettingValue> _settings = new();

    /// <summary>The folder displayed paths are made relative to (the project folder), so artifacts do not depend on where the checkout lives.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>Registries in declaration order.</summary>
    public IReadOnlyList<RegistryDeclaration> Registries { get; init; } = Array.Empty<RegistryDeclaration>();

    /// <summary>Mirrors in declaration order.</summary>
    public IReadOnlyList<MirrorDeclaration> Mirrors { get; init; } = Array.Empty<MirrorDeclaration>();

    /// <summary>Extra trust anchors in declaration order.</summary>
    public IReadOnlyList<CertificateDeclaration> Certificates { get; init; } = Array.Empty<CertificateDeclaration>();

    /// <summary><c>InitDataAlgorithm</c>; sha256 when not set.</summary>
    internal SettingValue? Algorithm { get => Setting(SettingCatalog.Algorithm); init => Put(SettingCatalog.Algorithm, value); }

    internal SettingValue? KbsUrl { get => Setting(SettingCatalog.KbsUrl); init => Put(SettingCatalog.KbsUrl, value); }

    /// <summary><c>InitDataKbcName</c>; cc_kbc when not set.</summary>
    internal SettingValue? KbcName { get => Setting(SettingCatalog.KbcName); init => Put(SettingCatalog.KbcName, value); }

    /// <summary><c>InitDataKbsCertificate</c>: path of the https KBS root.</summary>
    internal SettingValue? KbsCertificate { get => Setting(SettingCatalog.KbsCertificate); init => Put(SettingCatalog.KbsCertificate, value); }

    /// <summary><c>InitDataPolicyFile</c>: path of a .rego file.</summary>
    internal SettingValue? PolicyFile { get => Setting(SettingCatalog.PolicyFile); init => Put(SettingCatalog.PolicyFile, value); }

    internal SettingValue? RegistryCredentialsUri { get => Setting(SettingCatalog.RegistryCredentialsUri); init => Put(SettingCatalog.RegistryCredentialsUri, value); }

    internal SettingValue? ImageSecurityPolicyUri { get => Setting(SettingCatalog.ImageSecurityPolicyUri); init => Put(SettingCatalog.ImageSecurityPolicyUri, value); }

    internal SettingValue? SigstoreConfigUri { get => Setting(SettingCatalog.SigstoreConfigUri); init => Put(SettingCatalog.SigstoreConfigUri, value); }

    internal SettingValue? HttpsProxy { get => Setting(SettingCatalog.HttpsProxy); init => Put(SettingCatalog.HttpsProxy, value); }

    internal SettingValue? HttpProxy { get => Setting(SettingCatalog.HttpProxy); init => Put(SettingCatalog.HttpProxy, value); }

    internal SettingValue? NoProxy { get => Setting(SettingCatalog.NoProxy); init => Put(SettingCatalog.NoProxy, value); }

    /// <summary><c>InitDataUnqualifiedSearchRegistries</c>; docker.io when not set.</summary>
    internal SettingValue? UnqualifiedSearchRegistries { get => Setting(SettingCatalog.UnqualifiedSearchRegistries); init => Put(SettingCatalog.UnqualifiedSearchRegistries, value); }

    internal SettingValue? AnnotationName { get => Setting(SettingCatalog.AnnotationName); init => Put(SettingCatalog.AnnotationName, value); }

    /// <summary><c>InitDataCertificateExpiryWarningDays</c>; 30 when not set.</summary>
    internal SettingValue? CertificateExpiryWarningDays { get => Setting(SettingCatalog.CertificateExpiryWarningDays); init => Put(SettingCatalog.CertificateExpiryWarningDays, value); }

    /// <summary><c>InitDataCertificateLifetimeWarningPercent</c>; 80 when not set.</summary>
    internal SettingValue? CertificateLifetimeWarningPercent { get => Setting(SettingCatalog.CertificateLifetimeWarningPercent); init => Put(SettingCatalog.CertificateLifetimeWarningPercent, value); }

    /// <summary><c>InitDataValidationTime</c>; now when not set.</summary>
    internal SettingValue? ValidationTime { get => Setting(SettingCatalog.ValidationTime); init => Put(SettingCatalog.ValidationTime, value); }

    /// <summary><c>InitDataTlsProfiles</c>; rustls;openssl when not set.</summary>
    internal SettingValue? TlsProfiles { get => Setting(SettingCatalog.TlsProfiles); init => Put(SettingCatalog.TlsProfiles, value); }

    /// <summary><c>InitDataGuestComponentsVersion</c>: the guest-components release the guest runs; the current one when not set.</summary>
    internal SettingValue? GuestComponentsVersion { get => Setting(SettingCatalog.GuestComponentsVersion); init => Put(SettingCatalog.GuestComponentsVersion, value); }

    /// <summary><c>InitDataKustomizeLabelSelector</c>: the objects the Kustomize Component annotates; every pod template when not set.</summary>
    internal SettingValue? KustomizeLabelSelector { get => Setting(SettingCatalog.KustomizeLabelSelector); init => Put(SettingCatalog.KustomizeLabelSelector, value); }

    /// <summary>How the user declared it: messages name settings as the user wrote them (a property or an option).</summary>
    public DeclarationStyle Style { get; init; } = DeclarationStyle.MSBuild;

    /// <summary>Every setting given a non-empty value, by catalog row (<see cref="SettingCatalog"/>).</summary>
    public IReadOnlyDictionary<SettingDefinition, SettingValue> Settings
    {
        get => _settings;
        init
        {
            foreach (var (definition, setting) in value)
            {
                Put(definition, setting);
            }
        }
    }

    /// <summary>The clock used when <see cref="ValidationTime"/> is not set (tests pin it).</summary>
    internal Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>
    /// True when nothing that goes into the document is declared (only tuning settings such as the algorithm or the
    /// validation time, or nothing at all): the front ends warn (CID1031) and write no document, not an empty one (an
    /// earlier generation's files are removed).
    /// </summary>
    internal bool DeclaresNothing =>
        Registries.Count == 0 && Mirrors.Count == 0 && Certificates.Count == 0
        && SettingCatalog.Declarations.All(definition => Setting(definition) is null)
        // The targets set cc_kbc as the default: only another client is a declaration of its own.
        && (KbcName is null || KbcName.Value.Trim() == SettingCatalog.KbcName.Default);

    /// <summary>A setting's value as the user gave it; null when empty or not set.</summary>
    internal SettingValue? Setting(SettingDefinition definition) => _settings.GetValueOrDefault(definition);

    /// <summary>The name of a setting as this specification's user writes it (<c>InitDataKbsUrl</c> or <c>--kbs-url</c>).</summary>
    internal string NameOf(SettingDefinition definition) => definition.NameIn(Style);

    private void Put(SettingDefinition definition, SettingValue? value)
    {
        if (value is { IsEmpty: false })
        {
            _settings[definition] = value;
        }
        else
        {
            _settings.Remove(definition);
        }
    }
}
