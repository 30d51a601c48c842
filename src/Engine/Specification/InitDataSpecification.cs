namespace Coco.InitData.Specification;

/// <summary>
/// Everything a user declared, as written: the single input of <see cref="Generation.InitDataGenerator"/>.
/// The MSBuild task and the tool both fill it in; the engine validates it, so both front ends give the
/// same answer and the same codes for the same input.
/// </summary>
public sealed class InitDataSpecification
{
    /// <summary>The folder displayed paths are made relative to (the project folder), so artifacts do not depend on where the checkout lives.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>Registries in declaration order.</summary>
    public IReadOnlyList<RegistryDeclaration> Registries { get; init; } = Array.Empty<RegistryDeclaration>();

    /// <summary>Mirrors in declaration order.</summary>
    public IReadOnlyList<MirrorDeclaration> Mirrors { get; init; } = Array.Empty<MirrorDeclaration>();

    /// <summary>Extra trust anchors in declaration order.</summary>
    public IReadOnlyList<CertificateDeclaration> Certificates { get; init; } = Array.Empty<CertificateDeclaration>();

    /// <summary><c>InitDataAlgorithm</c>; sha256 when not set.</summary>
    public SettingValue? Algorithm { get; init; }

    /// <summary><c>InitDataKbsUrl</c>.</summary>
    public SettingValue? KbsUrl { get; init; }

    /// <summary><c>InitDataKbcName</c>; cc_kbc when not set.</summary>
    public SettingValue? KbcName { get; init; }

    /// <summary><c>InitDataKbsCertificate</c>: path of the https KBS root.</summary>
    public SettingValue? KbsCertificate { get; init; }

    /// <summary><c>InitDataPolicyFile</c>: path of a .rego file.</summary>
    public SettingValue? PolicyFile { get; init; }

    /// <summary><c>InitDataRegistryCredentialsUri</c>.</summary>
    public SettingValue? RegistryCredentialsUri { get; init; }

    /// <summary><c>InitDataImageSecurityPolicyUri</c>.</summary>
    public SettingValue? ImageSecurityPolicyUri { get; init; }

    /// <summary><c>InitDataSigstoreConfigUri</c>.</summary>
    public SettingValue? SigstoreConfigUri { get; init; }

    /// <summary><c>InitDataHttpsProxy</c>.</summary>
    public SettingValue? HttpsProxy { get; init; }

    /// <summary><c>InitDataHttpProxy</c>.</summary>
    public SettingValue? HttpProxy { get; init; }

    /// <summary><c>InitDataNoProxy</c>.</summary>
    public SettingValue? NoProxy { get; init; }

    /// <summary><c>InitDataUnqualifiedSearchRegistries</c>; docker.io when not set.</summary>
    public SettingValue? UnqualifiedSearchRegistries { get; init; }

    /// <summary><c>InitDataAnnotationName</c>.</summary>
    public SettingValue? AnnotationName { get; init; }

    /// <summary><c>InitDataCertificateExpiryWarningDays</c>; 30 when not set.</summary>
    public SettingValue? CertificateExpiryWarningDays { get; init; }

    /// <summary><c>InitDataCertificateLifetimeWarningPercent</c>; 80 when not set.</summary>
    public SettingValue? CertificateLifetimeWarningPercent { get; init; }

    /// <summary><c>InitDataValidationTime</c>; now when not set.</summary>
    public SettingValue? ValidationTime { get; init; }

    /// <summary><c>InitDataTlsProfiles</c>; rustls;openssl when not set.</summary>
    public SettingValue? TlsProfiles { get; init; }

    /// <summary><c>InitDataGuestComponentsVersion</c>: the guest-components release the guest runs; the current one when not set.</summary>
    public SettingValue? GuestComponentsVersion { get; init; }

    /// <summary>The clock used when <see cref="ValidationTime"/> is not set (tests pin it).</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>
    /// True when nothing that goes into the document is declared (only tuning settings such as the algorithm or the
    /// validation time, or nothing at all): the front ends warn (CID1031) and write nothing rather than an empty document.
    /// </summary>
    public bool DeclaresNothing =>
        Registries.Count == 0 && Mirrors.Count == 0 && Certificates.Count == 0
        && new[] { KbsUrl, KbcName, KbsCertificate, PolicyFile, RegistryCredentialsUri, ImageSecurityPolicyUri, SigstoreConfigUri, HttpsProxy, HttpProxy, NoProxy, UnqualifiedSearchRegistries }
            .All(setting => setting is null || setting.IsEmpty);
}
