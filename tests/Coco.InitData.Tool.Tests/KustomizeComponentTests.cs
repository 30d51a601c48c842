using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// The generated Kustomize Component rendered by the real <c>kubectl kustomize</c> (kubectl 1.32, Kustomize 5.5):
/// exactly the pod templates carry exactly the annotation, with PyYAML as the reader, and the result passes the gate.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class KustomizeComponentTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    private const string Annotation = "io.katacontainers.config.hypervisor.cc_init_data";

    // Every kind with a pod template, a ConfigMap and a Service; labels mark which are confidential.
    private const string Base = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {confidential: "true"}, annotations: {owner: team-a}}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}, annotations: {keep: me}}
            spec: {containers: [{name: c, image: registry.example.internal:5000/web:1}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, labels: {confidential: "true"}}
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: c, image: x}]}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: c, image: x}]}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: rs, labels: {confidential: "true"}}
        spec:
          selector: {matchLabels: {app: rs}}
          template:
            metadata: {labels: {app: rs}}
            spec: {containers: [{name: c, image: x}]}
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: rc, labels: {confidential: "true"}}
        spec:
          template:
            spec: {containers: [{name: c, image: x}]}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once, labels: {confidential: "true"}}
        spec:
          template:
            spec: {restartPolicy: Never, containers: [{name: c, image: x}]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, labels: {confidential: "true"}}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec: {restartPolicy: Never, containers: [{name: c, image: x}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: lone, labels: {confidential: "true"}}
        spec: {containers: [{name: c, image: x}]}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, labels: {confidential: "true"}}
        data: {a: b}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, labels: {confidential: "true"}}
        spec: {selector: {app: web}, ports: [{port: 80}]}
        """;

    [SkippableFact]
    public void The_component_annotates_exactly_the_pod_templates_keeps_every_other_annotation_and_passes_the_gate()
    {
        var (rendered, value) = Render(selector: null);

        var objects = Objects(rendered);
        Assert.Equal(10, objects.Count);
        foreach (var o in objects)
        {
            var kind = o.GetProperty("kind").GetString();
            var template = o.GetProperty("template");
            if (template.ValueKind == JsonValueKind.Null)
            {
                Assert.False(o.GetProperty("own").TryGetProperty(Annotation, out _), kind + " got the annotation");
                continue;
            }

            Assert.Equal(value, template.GetProperty(Annotation).GetString());
            if (kind != "Pod")
            {
                Assert.False(o.GetProperty("own").TryGetProperty(Annotation, out _), kind + "'s own metadata got the annotation");
            }
        }

        var web = objects.Single(o => o.GetProperty("kind").GetString() == "Deployment");
        Assert.Equal("me", web.GetProperty("template").GetProperty("keep").GetString());
        Assert.Equal("team-a", web.GetProperty("own").GetProperty("owner").GetString());

        var gate = Tool.RunWith(Folder.Path, null, rendered, "verify", "-", "--expect-digest", Path.Combine(Folder.Path, "out", "initdata.json"));
        Assert.True(gate.ExitCode == 0, gate.Output);
        var again = Tool.RunWith(Folder.Path, null, rendered, "annotate", "-", "--initdata", Path.Combine(Folder.Path, "out", "initdata.annotation"));
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(rendered, again.StandardOutput);
    }

    [SkippableFact]
    public void A_label_selector_scopes_the_component_to_the_workloads_whose_own_labels_match()
    {
        var (rendered, value) = Render(selector: "confidential=true");

        var annotated = Objects(rendered)
            .Where(o => o.GetProperty("template") is { ValueKind: JsonValueKind.Object } t && t.TryGetProperty(Annotation, out var v) && v.GetString() == value)
            .Select(o => o.GetProperty("kind").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(["CronJob", "Deployment", "Job", "Pod", "ReplicaSet", "ReplicationController", "StatefulSet"], annotated);
    }

    private (string Rendered, string Value) Render(string? selector)
    {
        var kubectl = ProcessRunner.Run("kubectl", ["version", "--client"], timeout: TimeSpan.FromMinutes(1));
        Skip.If(kubectl.ExitCode != 0, "kubectl (with its Kustomize) cannot run here: " + kubectl.Output.Split('\n')[0]);
        var options = new List<string> { "generate", "--insecure-registry", "registry.example.internal:5000", "--kbc-name", "offline_fs_kbc", "-o", "out" };
        if (selector is not null)
        {
            options.AddRange(["--kustomize-label-selector", selector]);
        }

        var generated = Tool.Run(Folder.Path, [.. options]);
        Assert.True(generated.ExitCode == 0, generated.Output);
        Folder.Write("base/all.yaml", Base);
        Folder.Write("base/kustomization.yaml", "resources: [all.yaml]\n");
        Folder.Write("overlay/kustomization.yaml", "resources: [../base]\ncomponents: [../out/kustomize]\n");

        var rendered = ProcessRunner.Run("kubectl", ["kustomize", Path.Combine(Folder.Path, "overlay")], timeout: TimeSpan.FromMinutes(2));
        Assert.True(rendered.ExitCode == 0, rendered.Output);
        return (rendered.StandardOutput, File.ReadAllText(Path.Combine(Folder.Path, "out", "initdata.annotation")));
    }

    private List<JsonElement> Objects(string rendered)
    {
        var file = Folder.Write("rendered.yaml", rendered);
        return PythonOracle.Run("own_and_template_annotations.py", file).EnumerateArray().ToList();
    }
}
