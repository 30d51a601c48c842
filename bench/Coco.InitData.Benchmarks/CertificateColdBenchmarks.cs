using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Tests.Fixtures;

namespace Coco.InitData.Benchmarks;

/// <summary>
/// The first check of an anchor in a fresh process: assembly loading, JIT and first use of the key, which
/// is what a build pays once per MSBuild node. Each launch is a new process measured once.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class CertificateColdBenchmarks
{
    private string _path = null!;
    private TempDirectory _directory = null!;

    [Params(KeyKind.Rsa2048, KeyKind.Rsa3072, KeyKind.Rsa4096, KeyKind.EcP256, KeyKind.EcP384, KeyKind.Ed25519)]
    public KeyKind Key { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = new TempDirectory("cid-bench-cold");
        _path = _directory.Write("ca.pem", TestPki.Root("Cold CA", Key).Pem);
    }

    [GlobalCleanup]
    public void Cleanup() => _directory.Dispose();

    [Benchmark]
    public int FirstAnchorCheckInProcess()
    {
        var diagnostics = new DiagnosticBag();
        var anchors = CertificateFileLoader.Load(_path, "ca.pem", "CertificateAuthority", TrustAnchorRole.RegistryCertificateAuthority, SourceLocation.None, diagnostics);
        CertificateChecks.Run(anchors, null, Array.Empty<Registries.ResolvedRegistry>(), ValidationOptions.Default(TestPki.ValidationTime), diagnostics);
        return diagnostics.HasErrors ? throw new InvalidOperationException(string.Join("\n", diagnostics.Items)) : anchors.Count;
    }
}
