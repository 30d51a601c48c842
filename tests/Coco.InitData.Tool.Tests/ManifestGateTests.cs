using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;
using Coco.InitData.Transport;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// verify MANIFEST --expect-digest, the last CI step: only pod templates count (as annotate finds them), every
/// one must carry the expected document under the name asked for, and every other initdata name the kata runtime
/// reads must agree. Each refusal names the workload (kind/name) at file(line); --json lists every template.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class ManifestGateTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    private const string Key = AnnotationKey.Default;
    private const string Built = "version = \"0.1.0\"\nalgorithm = \"sha256\"\n\n[data]\n\"policy.rego\" = '''\npackage agent_policy\n'''\n";
    private const string Other = "version = \"0.1.0\"\nalgorithm = \"sha256\"\n\n[data]\n\"policy.rego\" = '''\npackage agent_policy\ndefault AllowRequestsFailingPolicy := true\n'''\n";

    private static readonly string Expected = "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Built))).ToLowerInvariant();

    private static string Value(string document) => AnnotationCodec.Encode(Encoding.UTF8.GetBytes(document));

    private static string Pod(string name, string? annotations) =>
        $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n" + (annotations is null ? string.Empty : "  annotations:\n" + annotations) + "spec:\n  containers:\n  - name: c\n    image: busybox\n";

    [Fact]
    public void Every_pod_template_without_the_annotation_is_named_wherever_else_the_annotation_sits()
    {
        var text = string.Join("---\n",
            Pod("good", $"    {Key}: {Value(Built)}\n"),
            Pod("second", null),
            $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    {Key}: {Value(Built)}\nspec:\n  template:\n    metadata:\n      labels: {{app: web}}\n    spec:\n      containers: []\n",
            $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  annotations:\n    {Key}: {Value(Built)}\n",
            $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: env\nspec:\n  containers:\n  - name: c\n    env:\n    - name: X\n      metadata:\n        annotations:\n          {Key}: {Value(Built)}\n");
        var manifest = Folder.Write("app.yaml", text);

        var result = Tool.Run(Folder.Path, "verify", manifest, "--expect-digest", Expected);

        Assert.Equal(1, result.ExitCode);
        var errors = result.StandardError.Split('\n').Where(l => l.Contains("error CID4062", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, errors.Count);
        var lines = text.Split('\n');
        int LineOf(string start, int after = 0) => Array.FindIndex(lines, after, l => l.StartsWith(start, StringComparison.Ordinal)) + 1;
        Assert.Contains($"app.yaml({LineOf("---") + 1},1): error CID4062: Pod/second in", errors[0], StringComparison.Ordinal);
        Assert.Contains($"app.yaml({LineOf("  template:")},3): error CID4062: Deployment/web in", errors[1], StringComparison.Ordinal);
        Assert.Contains($"app.yaml({LineOf("kind: ConfigMap") + 6},1): error CID4062: Pod/env in", errors[2], StringComparison.Ordinal);
        Assert.DoesNotContain("cfg", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_lists_every_pod_template_with_its_verdict()
    {
        var manifest = Folder.Write("app.yaml", string.Join("---\n", Pod("good", $"    {Key}: {Value(Built)}\n"), Pod("none", null), Pod("other", $"    {Key}: {Value(Other)}\n")));

        var result = Tool.Run(Folder.Path, "verify", manifest, "--expect-digest", Expected, "--json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var templates = json.RootElement.GetProperty("podTemplates").EnumerateArray().ToList();
        Assert.Equal(new[] { "Pod/good:expected", "Pod/none:missing", "Pod/other:mismatch" },
            templates.Select(t => $"{t.GetProperty("kind").GetString()}/{t.GetProperty("name").GetString()}:{t.GetProperty("verdict").GetString()}"));
        Assert.Equal(new[] { 1, 12, 21 }, templates.Select(t => t.GetProperty("line").GetInt32()));
        Assert.Equal(Expected, templates[0].GetProperty("annotations")[0].GetProperty("digest").GetString());
        Assert.Equal("rejected", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(new[] { "CID4062", "CID4064" }, json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).Where(c => c!.StartsWith("CID406", StringComparison.Ordinal)));
    }

    [Fact]
    public void Annotated_output_of_every_workload_kind_passes_and_a_manifest_carrying_none_names_each_template()
    {
        var kinds = new[] { ("v1", "ReplicationController"), ("apps/v1", "Deployment"), ("batch/v1", "Job") };
        var text = string.Join("---\n", kinds.Select(k => $"apiVersion: {k.Item1}\nkind: {k.Item2}\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n      containers: []\n"))
            + "---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: []\n";
        var manifest = Folder.Write("app.yaml", text);
        var initdata = Folder.Write("initdata.toml", Built);

        var before = Tool.Run(Folder.Path, "verify", manifest, "--expect-digest", Expected);
        var annotate = Tool.Run(Folder.Path, "annotate", manifest, "--initdata", initdata, "-o", Path.Combine(Folder.Path, "out"));
        var after = Tool.Run(Folder.Path, "verify", Path.Combine(Folder.Path, "out", "app.yaml"), "--expect-digest", Expected);

        Assert.Equal(1, before.ExitCode);
        Assert.Equal(4, before.StandardError.Split('\n').Count(l => l.Contains("error CID4062", StringComparison.Ordinal)));
        Assert.Contains("ReplicationController/w in", before.StandardError, StringComparison.Ordinal);
        Assert.True(annotate.ExitCode == 0, annotate.Output);
        Assert.True(after.ExitCode == 0, after.Output);
    }

    [Fact]
    public void A_value_tagged_binary_is_refused_because_kubernetes_would_store_its_bytes()
    {
        var manifest = Folder.Write("app.yaml", Pod("p", $"    {Key}: !!binary {Value(Built)}\n"));

        var result = Tool.Run(Folder.Path, "verify", manifest, "--expect-digest", Expected);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("app.yaml(6,55): error CID3058: Pod 'p' carries the initdata annotation", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("'!!binary'", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_tagged_str_passes()
    {
        var manifest = Folder.Write("app.yaml", Pod("p", $"    {Key}: !!str {Value(Built)}\n"));

        var result = Tool.Run(Folder.Path, "verify", manifest, "--expect-digest", Expected);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void Split_gzip_members_fail_the_gate_in_a_manifest_and_as_an_annotation()
    {
        // runtime-rs (flate2 GzDecoder) reads only the first member: the half of the document before the split.
        var bytes = Encoding.UTF8.GetBytes(Built);
        var split = Convert.ToBase64String(Gzip(bytes[..20]).Concat(Gzip(bytes[20..])).ToArray());
        var manifest = Folder.Write("app.yaml", Pod("p", $"    {Key}: {split}\n"));
        var annotation = Folder.Write("initdata.annotation", split);

        var inManifest = Tool.Run(Folder.Path, "verify", manifest, "--expect-digest", Expected);
        var alone = Tool.Run(Folder.Path, "verify", annotation, "--expect-digest", Expected);

        Assert.Equal(1, inManifest.ExitCode);
        Assert.Contains("error CID4065: The initdata annotation '" + Key + "' of Pod/p in", inManifest.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, alone.ExitCode);
        Assert.Contains("error CID4065", alone.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_annotation_name_every_other_initdata_name_present_must_carry_the_same_document()
    {
        // kata 3.20+ reads the hypervisor name; 3.8-3.19 the runtime name: a pod carrying both is measured by either.
        var manifest = Folder.Write("app.yaml", Pod("p", $"    {AnnotationKey.Legacy}: {Value(Built)}\n    {Key}: {Value(Other)}\n"));

        var result = Tool.Run(Folder.Path, "verify", manifest, "--expect-digest", Expected, "--annotation-name", AnnotationKey.Legacy);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.StandardError.Split('\n'), l => l.Contains("error CID", StringComparison.Ordinal));
        Assert.Contains("app.yaml(7,", error, StringComparison.Ordinal);
        Assert.Contains($"CID4064: Pod/p in '{manifest}' carries initdata (annotation '{Key}')", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_built_with_a_merge_key_cannot_be_vouched_for()
    {
        var manifest = Folder.Write("app.yaml", $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      annotations:\n        <<: {{other: x}}\n        {Key}: {Value(Built)}\n    spec:\n      containers: []\n");

        var result = Tool.Run(Folder.Path, "verify", manifest, "--expect-digest", Expected);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("app.yaml(6,3): error CID4063: Deployment/web in", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_we_do_not_know_with_a_pod_template_warns_in_the_gate_with_its_kind_name_and_line()
    {
        var manifest = Folder.Write("app.yaml", Pod("p", $"    {Key}: {Value(Built)}\n")
            + "---\napiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: canary\nspec:\n  template:\n    spec:\n      containers: []\n");

        var result = Tool.Run(Folder.Path, "verify", manifest, "--expect-digest", Expected);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("app.yaml(12,1): warning CID3057: Rollout 'canary'", result.StandardError, StringComparison.Ordinal);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }
}
