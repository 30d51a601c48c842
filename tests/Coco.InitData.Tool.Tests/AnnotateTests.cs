using System.Text.Json;
using Coco.InitData.Transport;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class AnnotateTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    private const string Key = "io.katacontainers.config.hypervisor.cc_init_data";

    // Every workload kind, in block and flow style, plus documents that must come out byte for byte.
    private static readonly string[] Documents =
    {
        "# The config: comments, quoting and order stay as written.\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings   # trailing comment\ndata:\n  'quoted': \"value\"\n  z: 1\n  a: 2\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod\nspec:\n  containers:\n  - name: c\n    image: busybox\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    owner: team-a\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n",
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    metadata:\n      annotations:\n        " + Key + ": H4sIAAAAAAAA/wMAAAAAAAAAAAA=\n        keep: me\n    spec: {containers: [{name: db, image: postgres}]}\n",
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: agent}]\n",
        "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: rs\nspec:\n  template:\n    metadata: {labels: {app: rs}}\n    spec: {containers: []}\n",
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    metadata:\n      annotations: {}\n    spec:\n      restartPolicy: Never\n      containers: []\n",
        "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: []\n",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80   # http\n",
    };

    [SkippableFact]
    public void Every_workload_kind_gets_the_annotation_where_python_yaml_looks_for_it()
    {
        var manifest = Folder.Write("all.yaml", string.Join("---\n", Documents));
        var initdata = RepositoryPaths.Vector("tv1-kata-default.toml");
        var output = Path.Combine(Folder.Path, "out");

        var result = Tool.Run(Folder.Path, "annotate", manifest, "--initdata", initdata, "-o", output);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(result.StandardError);
        var expected = AnnotationCodec.Encode(File.ReadAllBytes(initdata));
        var found = PythonOracle.Run("find_annotations.py", Path.Combine(output, "all.yaml"), Key);
        var kinds = found.EnumerateArray().Select(e => (Kind: e.GetProperty("kind").GetString(), Value: e.GetProperty("annotation"))).ToList();
        Assert.Equal(new[] { "ConfigMap", "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Service" }, kinds.Select(k => k.Kind));
        foreach (var (kind, value) in kinds)
        {
            if (kind is "ConfigMap" or "Service")
            {
                Assert.Equal(JsonValueKind.Null, value.ValueKind);
            }
            else
            {
                Assert.Equal(expected, value.GetString());
            }
        }

    }

    [SkippableFact]
    public void Documents_without_a_pod_template_are_unchanged_byte_for_byte()
    {
        var manifest = Folder.Write("all.yaml", string.Join("---\n", Documents));

        var result = Tool.Run(Folder.Path, "annotate", manifest, "--initdata", RepositoryPaths.Vector("tv1-kata-default.toml"));

        Assert.True(result.ExitCode == 0, result.Output);
        var documents = result.StandardOutput.Split("---\n");
        Assert.Equal(Documents.Length, documents.Length);
        Assert.Equal(Documents[0], documents[0]);
        Assert.Equal(Documents[^1], documents[^1]);

        // Inside a workload only the annotation lines are new: every original line is still there, in order.
        for (var i = 1; i < Documents.Length - 1; i++)
        {
            var added = documents[i].Split('\n').ToList();
            foreach (var line in Documents[i].Split('\n').Where(l => !l.Contains(Key, StringComparison.Ordinal) && !l.Contains('{', StringComparison.Ordinal)))
            {
                var at = added.IndexOf(line);
                Assert.True(at >= 0, $"line '{line}' of document {i} is gone:\n{documents[i]}");
                added.RemoveRange(0, at + 1);
            }
        }
    }

    [SkippableFact]
    public void An_older_value_is_replaced_not_duplicated()
    {
        var manifest = Folder.Write("ss.yaml", Documents[3]);

        var result = Tool.Run(Folder.Path, "annotate", manifest, "--initdata", RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"));

        Assert.True(result.ExitCode == 0, result.Output);
        var annotation = File.ReadAllText(RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"));
        Assert.Single(result.StandardOutput.Split('\n'), l => l.Contains(Key, StringComparison.Ordinal));
        Assert.Contains(Key + ": " + annotation + "\n        keep: me\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Annotations_over_the_Kubernetes_limit_warn()
    {
        var big = new string('x', 262_100);
        var manifest = Folder.Write("big.yaml", $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    huge: {big}\nspec: {{}}\n");

        var result = Tool.Run(Folder.Path, "annotate", manifest, "--initdata", RepositoryPaths.Vector("tv1-kata-default.toml"), "-o", Path.Combine(Folder.Path, "o"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("big.yaml(4,3): warning CID3052:", result.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Annotate_reads_standard_input_and_the_digest_of_the_result_is_the_documents()
    {
        var result = Tool.RunWith(Folder.Path, null, Documents[2], "annotate", "-", "--initdata", RepositoryPaths.Vector("tv1-kata-default.toml"));

        Assert.True(result.ExitCode == 0, result.Output);
        var annotated = Folder.Write("annotated.yaml", result.StandardOutput);
        var digest = Tool.Run(Folder.Path, "digest", annotated);
        Assert.StartsWith("sha256:5fbba2d190b4c600dc48b80802559460ecae499f76f079e9ad2ebd4e3c7eb65f", digest.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_file_without_workloads_warns_and_is_copied()
    {
        var manifest = Folder.Write("svc.yaml", Documents[^1]);

        var result = Tool.Run(Folder.Path, "annotate", manifest, "--initdata", RepositoryPaths.Vector("tv1-kata-default.toml"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Documents[^1], result.StandardOutput);
        Assert.Contains("warning CID3054:", result.StandardError, StringComparison.Ordinal);
    }
}
