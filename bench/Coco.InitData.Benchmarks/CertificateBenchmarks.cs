using BenchmarkDotNet.Attributes;
using Coco.InitData.Testing;

namespace Coco.InitData.Benchmarks;

/// <summary>Loading and checking one trust anchor of each key type (warm: the process has seen the key before).</summary>
[MemoryDiagnoser]
public class CertificateBenchmarks
{
    private AnchorFixture _anchor = null!;

    [Params(KeyKind.Rsa2048, KeyKind.Rsa3072, KeyKind.Rsa4096, KeyKind.EcP256, KeyKind.EcP384, KeyKind.Ed25519)]
    public KeyKind Key { get; set; }

    [GlobalSetup]
    public void Setup() => _anchor = new AnchorFixture(Key);

    [GlobalCleanup]
    public void Cleanup() => _anchor.Dispose();

    [Benchmark]
    public int LoadAndCheckAnchor() => _anchor.LoadAndCheck();
}
