using BenchmarkDotNet.Attributes;
using Coco.InitData.Generation;

namespace Coco.InitData.Benchmarks;

/// <summary>The whole engine run of one build: read and check the CA files, render, hash, encode, manifest.</summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private Workspace _workspace = null!;

    [Params(1, 10, 100)]
    public int Registries { get; set; }

    [GlobalSetup]
    public void Setup() => _workspace = new Workspace(Registries);

    [GlobalCleanup]
    public void Cleanup() => _workspace.Dispose();

    [Benchmark]
    public object Generate() // object: BenchmarkDotNet needs public signatures, the engine is internal
    {
        var result = InitDataGenerator.Generate(_workspace.Specification);
        return result.Artifacts is null ? throw new InvalidOperationException(string.Join("\n", result.Diagnostics)) : result;
    }
}
