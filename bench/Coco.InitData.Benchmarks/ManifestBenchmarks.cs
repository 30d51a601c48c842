using System.Text;
using BenchmarkDotNet.Attributes;
using Coco.InitData.Diagnostics;
using Coco.InitData.Manifests;

namespace Coco.InitData.Benchmarks;

/// <summary>Injecting a 2 KB annotation into a multi-document manifest with every workload kind.</summary>
[MemoryDiagnoser]
public class ManifestBenchmarks
{
    private static readonly string[] Kinds = { "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" };
    private byte[] _manifest = null!;
    private string _annotation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        text.Append("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: registry.example.internal:5000/app:1\n");
        foreach (var kind in Kinds)
        {
            text.Append("---\n# a comment that must survive\napiVersion: apps/v1\nkind: ").Append(kind)
                .Append("\nmetadata:\n  name: w\nspec:\n  template:\n    metadata:\n      labels: {app: w}\n    spec:\n      containers:\n      - name: c\n        image: registry.example.internal:5000/app:1\n");
        }

        text.Append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n");
        _manifest = Encoding.UTF8.GetBytes(text.ToString());
        _annotation = Convert.ToBase64String(new byte[1536]);
    }

    [Benchmark]
    public object Annotate() // object: BenchmarkDotNet needs public signatures, the engine is internal
    {
        var diagnostics = new DiagnosticBag();
        return ManifestAnnotator.Annotate(_manifest, "k8s/app.yaml", Transport.AnnotationKey.Default, _annotation, diagnostics)
            ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
    }
}
