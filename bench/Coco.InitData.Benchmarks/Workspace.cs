using Coco.InitData.Specification;
using Coco.InitData.Testing;

namespace Coco.InitData.Benchmarks;

/// <summary>A temp folder with N registries, each with its own CA file: the input of a generation.</summary>
internal sealed class Workspace : IDisposable
{
    private readonly TempDirectory _directory = new("cid-bench");

    public Workspace(int registries, KeyKind key = KeyKind.EcP256)
    {
        var declarations = new List<RegistryDeclaration>();
        for (var i = 0; i < registries; i++)
        {
            _directory.Write($"certs/ca{i}.pem", TestPki.Root($"Bench CA {i}", key).Pem);
            declarations.Add(new RegistryDeclaration
            {
                Name = $"registry{i}.example.internal:5000",
                DeclaredAt = new Diagnostics.SourceLocation("bench.csproj", 10 + i),
                BaseDirectory = _directory.Path,
                CertificateAuthority = $"certs/ca{i}.pem",
            });
        }

        Specification = new InitDataSpecification
        {
            BaseDirectory = _directory.Path,
            Registries = declarations,
            KbsUrl = new SettingValue("InitDataKbsUrl", "http://kbs.example.internal:8080", new Diagnostics.SourceLocation("bench.csproj", 3)),
            Clock = () => TestPki.ValidationTime,
        };
    }

    public InitDataSpecification Specification { get; }

    public string Path => _directory.Path;

    public void Dispose() => _directory.Dispose();
}
