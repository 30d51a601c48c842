using Coco.InitData.Diagnostics;
using Coco.InitData.Specification;

namespace Coco.InitData.Tests;

/// <summary>Short ways to write specifications in tests: a fake project file location and settings by name.</summary>
internal static class Specs
{
    public static SourceLocation Item(string directory, int line) => new(Path.Combine(directory, "app.csproj"), line);

    public static SettingValue Setting(string name, string value, int line = 3) => new(name, value, new SourceLocation("app.csproj", line));

    public static RegistryDeclaration Registry(string directory, string name, string? ca = null, int line = 10, string? insecure = null, string? server = null) => new()
    {
        Name = name,
        DeclaredAt = Item(directory, line),
        BaseDirectory = directory,
        CertificateAuthority = ca,
        Insecure = insecure,
        ServerCertificate = server,
    };

    /// <summary>A specification with a KBS, validated at the fixed test instant.</summary>
    public static InitDataSpecification WithKbs(string directory, params RegistryDeclaration[] registries) => new()
    {
        BaseDirectory = directory,
        Registries = registries,
        KbsUrl = Setting("InitDataKbsUrl", "http://kbs.example.internal:8080"),
        Clock = () => TestPki.ValidationTime,
    };
}
