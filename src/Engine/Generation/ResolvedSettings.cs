using Coco.InitData.Certificates;
using Coco.InitData.Documents;
using Coco.InitData.Measurements;
using Coco.InitData.Settings;

namespace Coco.InitData.Generation;

/// <summary>The validated scalar settings of a specification, defaults applied.</summary>
internal sealed class ResolvedSettings
{
    public DigestAlgorithm Algorithm { get; set; } = DigestAlgorithm.FromName(SettingCatalog.Algorithm.Default!)!;

    public string KbcName { get; set; } = SettingCatalog.KbcName.Default!;

    public string? KbsUrl { get; set; }

    public string? RegistryCredentialsUri { get; set; }

    public string? ImageSecurityPolicyUri { get; set; }

    public string? SigstoreConfigUri { get; set; }

    public ImagePullProxy? Proxy { get; set; }

    public IReadOnlyList<string>? UnqualifiedSearchRegistries { get; set; }

    public string AnnotationName { get; set; } = SettingCatalog.AnnotationName.Default!;

    public string? KustomizeLabelSelector { get; set; }

    public ValidationOptions Validation { get; set; } = ValidationOptions.Default(DateTimeOffset.UnixEpoch);
}
