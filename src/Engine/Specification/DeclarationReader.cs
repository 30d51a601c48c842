using Coco.InitData.Manifests;
using Coco.InitData.Settings;

namespace Coco.InitData.Specification;

/// <summary>
/// The one mapping of MSBuild items and properties (README: Reference) to a specification, shared by the
/// GenerateInitData task and `coco-initdata generate PROJECT`, so both read a project the same way.
/// </summary>
public static class DeclarationReader
{
    /// <summary>The registry item type.</summary>
    public const string RegistryItem = "InitDataRegistry";

    /// <summary>The registry mirror item type.</summary>
    public const string MirrorItem = "InitDataRegistryMirror";

    /// <summary>The extra trust anchor item type.</summary>
    public const string CertificateItem = "InitDataCertificate";

    /// <summary>The Kubernetes manifest item type.</summary>
    public const string ManifestItem = "InitDataManifest";

    /// <summary>Reads the specification.</summary>
    public static InitDataSpecification Read(IProjectDeclarations project) => new()
    {
        BaseDirectory = project.ProjectDirectory,
        Registries = project.Items(RegistryItem).Select(item => new RegistryDeclaration
        {
            Name = item.Include,
            DeclaredAt = item.DeclaredAt,
            // Paths in metadata are relative to the project being built, as properties are.
            BaseDirectory = project.ProjectDirectory,
            CertificateAuthority = Metadata(item, "CertificateAuthority"),
            ServerCertificate = Metadata(item, "ServerCertificate"),
            Insecure = Metadata(item, "Insecure"),
            Location = Metadata(item, "Location"),
            Blocked = Metadata(item, "Blocked"),
        }).ToList(),
        Mirrors = project.Items(MirrorItem).Select(item => new MirrorDeclaration
        {
            Location = item.Include,
            DeclaredAt = item.DeclaredAt,
            Registry = Metadata(item, "Registry"),
            Insecure = Metadata(item, "Insecure"),
        }).ToList(),
        Certificates = project.Items(CertificateItem).Select(item => new CertificateDeclaration
        {
            Path = item.FullPath,
            DeclaredAt = item.DeclaredAt,
            BaseDirectory = project.ProjectDirectory,
        }).ToList(),
        Settings = SettingCatalog.All
            .Select(setting => (setting, Value: project.Property(setting.Property)))
            .Where(x => x.Value is not null)
            .ToDictionary(x => x.setting, x => x.Value!),
    };

    /// <summary>Reads the <c>InitDataManifest</c> items; each keeps its RecursiveDir under <c>k8s/</c>.</summary>
    public static IReadOnlyList<ManifestDeclaration> Manifests(IProjectDeclarations project) =>
        project.Items(ManifestItem).Select(item => new ManifestDeclaration
        {
            Path = item.FullPath,
            OutputName = item.Metadata("RecursiveDir") + item.Metadata("Filename") + item.Metadata("Extension"),
            DeclaredAt = item.DeclaredAt,
            BaseDirectory = project.ProjectDirectory,
        }).ToList();

    private static string? Metadata(DeclaredItem item, string name) => item.Metadata(name) is { Length: > 0 } value ? value : null;
}
