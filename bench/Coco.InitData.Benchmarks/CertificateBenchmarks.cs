using BenchmarkDotNet.Attributes;
using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Tests.Fixtures;

namespace Coco.InitData.Benchmarks;

/// <summary>Loading and checking one trust anchor of each key type (warm: the process has seen the key before).</summary>
[MemoryDiagnoser]
public class CertificateBenchmarks
{
    private string _path = null!;
    private TempDirectory _directory = null!;

    [Params(KeyKind.Rsa2048, KeyKind.Rsa3072, KeyKind.Rsa4096, KeyKind.EcP256, KeyKind.EcP384, KeyKind.Ed25519)]
    public KeyKind Key { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = new TempDirectory("cid-bench-cert");
        _path = _directory.Write("ca.pem", TestPki.Root("Bench CA", Key).Pem);
    }

    [GlobalCleanup]
    public void Cleanup() => _directory.Dispose();

    [Benchmark]
    public int LoadAndCheckAnchor()
    {
        var diagnostics = new DiagnosticBag();
        var anchors = CertificateFileLoader.Load(_path, "ca.pem", "CertificateAuthority", TrustAnchorRole.RegistryCertificateAuthority, SourceLocation.None, diagnostics);
        CertificateChecks.Run(anchors, null, Array.Empty<Registries.ResolvedRegistry>(), ValidationOptions.Default(TestPki.ValidationTime), diagnostics);
        return diagnostics.HasErrors ? throw new InvalidOperationException(string.Join("\n", diagnostics.Items)) : anchors.Count;
    }
}
