using BenchmarkDotNet.Attributes;
using Coco.InitData.Generation;
using Coco.InitData.Transport;

namespace Coco.InitData.Benchmarks;

/// <summary>The annotation value of a 10-registry document: gzip+base64 and back.</summary>
[MemoryDiagnoser]
public class TransportBenchmarks
{
    private byte[] _document = null!;
    private string _annotation = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var workspace = new Workspace(10);
        var artifacts = InitDataGenerator.Generate(workspace.Specification).Artifacts!;
        _document = artifacts.DocumentBytes;
        _annotation = artifacts.Annotation;
    }

    [Benchmark]
    public string Encode() => AnnotationCodec.Encode(_document);

    [Benchmark]
    public byte[] Decode() => AnnotationCodec.TryDecode(_annotation, out var document, out var problem) ? document : throw new InvalidOperationException(problem);
}
