using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Coco.InitData.Testing;

namespace Coco.InitData.Benchmarks;

/// <summary>
/// The first check of an anchor in a fresh process: assembly loading, JIT and first use of the key, which
/// is what a build pays once per MSBuild node. Each launch is a new process measured once.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class CertificateColdBenchmarks
{
    private AnchorFixture _anchor = null!;

    [Params(KeyKind.Rsa2048, KeyKind.Rsa3072, KeyKind.Rsa4096, KeyKind.EcP256, KeyKind.EcP384, KeyKind.Ed25519)]
    public KeyKind Key { get; set; }

    [GlobalSetup]
    public void Setup() => _anchor = new AnchorFixture(Key);

    [GlobalCleanup]
    public void Cleanup() => _anchor.Dispose();

    [Benchmark]
    public int FirstAnchorCheckInProcess() => _anchor.LoadAndCheck();
}
