using System.Text;
using Coco.InitData.Diagnostics;
using Coco.InitData.Manifests;
using Coco.InitData.Transport;
using Xunit.Abstractions;

namespace Coco.InitData.Tests.Manifests;

/// <summary>
/// The shared corpus of public manifests nobody here wrote (../shared/corpus/k8s-manifests: kata-containers
/// 7c6ba40c54ea runtimeclass_workloads and genpolicy test data, kubernetes/examples 279e8e4f), in process: each file
/// is annotated, and then every pod template the gate reads carries the value (ManifestAnnotationReader, what
/// verify --expect-digest checks), PyYAML finds the value in exactly the pod templates annotate counted,
/// and annotating again changes nothing; or it is refused with a coded error at a line, never as our own bug.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ManifestCorpusTests(ITestOutputHelper output)
{
    private const string Document = "version = \"0.1.0\"\nalgorithm = \"sha256\"\n\n[data]\n\"policy.rego\" = '''\npackage agent_policy\n'''\n";

    [SkippableFact]
    public void Every_corpus_manifest_is_annotated_so_that_the_gate_and_pyyaml_agree_or_is_refused_with_a_coded_reason()
    {
        var root = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "corpus", "k8s-manifests"));
        Skip.IfNot(Directory.Exists(root), "the shared manifest corpus is not at " + root);
        var missing = RealTools.MissingReason("python3");
        Skip.If(missing is not null, missing);
        var value = AnnotationCodec.Encode(Encoding.UTF8.GetBytes(Document));
        using var folder = new TempDirectory("cid-corpus");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml.in", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var refused = new Dictionary<string, int>(StringComparer.Ordinal);
        var warned = new Dictionary<string, int>(StringComparer.Ordinal);
        var outputs = new List<(string File, string Output, int Templates)>();
        foreach (var file in files)
        {
            var bag = new DiagnosticBag();
            var annotated = ManifestAnnotator.Annotate(File.ReadAllBytes(file), file, AnnotationKey.Default, value, bag);
            foreach (var d in bag.Items)
            {
                var counts = d.Severity == DiagnosticSeverity.Error ? refused : warned;
                counts[d.Code] = counts.GetValueOrDefault(d.Code) + 1;
                Assert.True(d.Code != "CID3069", d.ToCanonicalString());
                Assert.True(d.Severity != DiagnosticSeverity.Error || d.Location.Line > 0, d.ToCanonicalString());
            }

            if (annotated is null)
            {
                continue;
            }

            var gate = new DiagnosticBag();
            var survey = ManifestAnnotationReader.Survey(annotated.Content, file, new[] { AnnotationKey.Default }, gate)!;
            Assert.True(!gate.HasErrors, string.Join("\n", gate.Items.Select(d => d.ToCanonicalString())));
            Assert.Equal(annotated.PodTemplates, survey.Templates.Count(t => t.Found.Count == 1 && t.Found[0].Value == value));
            Assert.All(survey.Templates.Where(t => t.Template.Owner is not null), t => Assert.Single(t.Found));
            Assert.Equal(annotated.Content, ManifestAnnotator.Annotate(annotated.Content, file, AnnotationKey.Default, value, new DiagnosticBag())!.Content);
            outputs.Add((file, folder.Write(outputs.Count + ".yaml", annotated.Content), annotated.PodTemplates));
        }

        var read = PythonOracle.Run("pod_template_annotations.py", new[] { AnnotationKey.Default }.Concat(outputs.Select(o => o.Output)).ToArray()).EnumerateArray().ToList();
        var unbuildable = 0;
        for (var i = 0; i < outputs.Count; i++)
        {
            if (read[i].ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                unbuildable++; // an unrendered template ({{cell}} is a mapping used as a key): no API server takes it either
                continue;
            }

            var annotations = read[i].EnumerateArray().Select(o => o.GetProperty("annotation")).Where(a => a.ValueKind != System.Text.Json.JsonValueKind.Null).ToList();
            Assert.True(outputs[i].Templates == annotations.Count && annotations.All(a => a.GetString() == value), outputs[i].File);
        }

        output.WriteLine($"{files.Count} files: {outputs.Count} annotated ({outputs.Sum(o => o.Templates)} pod templates, {outputs.Count(o => o.Templates == 0)} without any), "
            + $"{unbuildable} unrendered templates PyYAML cannot build, {files.Count - outputs.Count} refused; errors {string.Join(", ", refused.OrderBy(r => r.Key).Select(r => $"{r.Key} x{r.Value}"))}; "
            + $"warnings {string.Join(", ", warned.OrderBy(r => r.Key).Select(r => $"{r.Key} x{r.Value}"))}");
    }
}
