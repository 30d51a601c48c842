using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Testing;

namespace Coco.InitData.Benchmarks;

/// <summary>One CA file of a key type, and the load-and-check a build does for it: shared by the warm and cold benchmarks.</summary>
internal sealed class AnchorFixture : IDisposable
{
    private readonly TempDirectory _directory = new("cid-bench-anchor");
    private readonly string _path;

    public AnchorFixture(KeyKind key) => _path = _directory.Write("ca.pem", TestPki.Root("Bench CA", key).Pem);

    public int LoadAndCheck()
    {
        var diagnostics = new DiagnosticBag();
        var anchors = CertificateFileLoader.Load(_path, "ca.pem", "CertificateAuthority", TrustAnchorRole.RegistryCertificateAuthority, SourceLocation.None, diagnostics);
        CertificateChecks.Run(anchors, null, Array.Empty<Registries.ResolvedRegistry>(), ValidationOptions.Default(TestPki.ValidationTime), diagnostics);
        return diagnostics.HasErrors ? throw new InvalidOperationException(string.Join("\n", diagnostics.Items)) : anchors.Count;
    }

    public void Dispose() => _directory.Dispose();
}
