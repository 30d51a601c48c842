using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Specification;

namespace Coco.InitData.Tests.Registries;

/// <summary>Builds specifications the way the task does, with every item on its own line of a fake project file.</summary>
internal sealed class RegistrySpec : IDisposable
{
    public const string ProjectFile = "Workload.csproj";

    private readonly TempDirectory _directory = new("cid-registries");
    private readonly List<RegistryDeclaration> _registries = new();
    private readonly List<MirrorDeclaration> _mirrors = new();

    public string Directory => _directory.Path;

    public string? ImageSecurityPolicyUri { get; set; } = "kbs:///default/security-policy/test";

    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    public static SourceLocation Line(int line) => new(ProjectFile, line);

    public string WriteCa(string name, TestCertificate certificate) => _directory.Write(name, certificate.Pem);

    public RegistrySpec Registry(string name, int line, string? insecure = null, string? location = null, string? blocked = null, string? ca = null)
    {
        _registries.Add(new RegistryDeclaration
        {
            Name = name,
            DeclaredAt = Line(line),
            BaseDirectory = Directory,
            Insecure = insecure,
            Location = location,
            Blocked = blocked,
            CertificateAuthority = ca,
        });
        return this;
    }

    public RegistrySpec Mirror(string location, string? registry, int line, string? insecure = null)
    {
        _mirrors.Add(new MirrorDeclaration { Location = location, Registry = registry, DeclaredAt = Line(line), Insecure = insecure });
        return this;
    }

    public InitDataSpecification Build()
    {
        SettingValue? Setting(string name) =>
            Properties.TryGetValue(name, out var value) ? new SettingValue(name, value, Line(100 + Properties.Keys.ToList().IndexOf(name))) : null;

        return new InitDataSpecification
        {
            BaseDirectory = Directory,
            Registries = _registries,
            Mirrors = _mirrors,
            KbsUrl = new SettingValue("InitDataKbsUrl", "http://kbs.example.internal:8080", Line(90)),
            ImageSecurityPolicyUri = ImageSecurityPolicyUri is null ? null : new SettingValue("InitDataImageSecurityPolicyUri", ImageSecurityPolicyUri, Line(91)),
            HttpsProxy = Setting("InitDataHttpsProxy"),
            HttpProxy = Setting("InitDataHttpProxy"),
            NoProxy = Setting("InitDataNoProxy"),
            RegistryCredentialsUri = Setting("InitDataRegistryCredentialsUri"),
            SigstoreConfigUri = Setting("InitDataSigstoreConfigUri"),
            UnqualifiedSearchRegistries = Setting("InitDataUnqualifiedSearchRegistries"),
            Clock = () => TestPki.ValidationTime,
        };
    }

    public GenerationResult Generate() => InitDataGenerator.Generate(Build());

    public void Dispose() => _directory.Dispose();
}
