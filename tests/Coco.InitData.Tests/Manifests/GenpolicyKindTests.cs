using System.Text;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tests.Manifests;

/// <summary>
/// annotate covers every kind genpolicy knows: kata-containers 4.1.0 (ddcb1ad8d23c, unchanged at 7c6ba40c54ea)
/// src/tools/genpolicy/src/yaml.rs new_k8s_resource. Workload kinds get the annotation where genpolicy's
/// add_policy_annotation puts it (replication_controller.rs and the other sets: "spec.template"; cronjob.rs:
/// "spec.jobTemplate.spec.template"; pod.rs: the object's own metadata); list.rs annotates each item; the kinds
/// genpolicy keeps as NoPolicyResource, and ConfigMap and Secret, are written back unchanged.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class GenpolicyKindTests
{
    [SkippableTheory]
    [InlineData("Pod", "v1")]
    [InlineData("Deployment", "apps/v1")]
    [InlineData("StatefulSet", "apps/v1")]
    [InlineData("DaemonSet", "apps/v1")]
    [InlineData("ReplicaSet", "apps/v1")]
    [InlineData("ReplicationController", "v1")]
    [InlineData("Job", "batch/v1")]
    [InlineData("CronJob", "batch/v1")]
    public void A_workload_kind_genpolicy_annotates_gets_the_annotation_at_its_pod_template(string kind, string apiVersion)
    {
        var text = Workload(kind, apiVersion, "w");

        var annotated = ManifestOracle.Annotated(text);

        var read = Assert.Single(ManifestOracle.Read(annotated));
        Assert.Equal((kind, "w", ManifestOracle.Value), (read.Kind, read.Name, read.Annotation));
    }

    [SkippableTheory]
    [InlineData("ConfigMap")]
    [InlineData("Secret")]
    [InlineData("ClusterRole")]
    [InlineData("ClusterRoleBinding")]
    [InlineData("LimitRange")]
    [InlineData("Namespace")]
    [InlineData("PersistentVolume")]
    [InlineData("PersistentVolumeClaim")]
    [InlineData("PodDisruptionBudget")]
    [InlineData("PriorityClass")]
    [InlineData("ResourceQuota")]
    [InlineData("Role")]
    [InlineData("RoleBinding")]
    [InlineData("Service")]
    [InlineData("ServiceAccount")]
    public void A_kind_genpolicy_writes_without_a_policy_is_left_byte_for_byte(string kind)
    {
        // Even one holding a spec.template with containers: these kinds never run pods.
        var text = $"# {kind}\napiVersion: v1\nkind: {kind}\nmetadata:\n  name: n\n  annotations:\n    keep: me\nspec:\n  template:\n    spec:\n      containers: []\n";

        var (result, findings) = ManifestOracle.Annotate(text);

        Assert.NotNull(result);
        Assert.Equal(text, Encoding.UTF8.GetString(result.Content));
        Assert.Equal("CID3054", Assert.Single(findings.Items).Code);
    }

    [SkippableFact]
    public void A_list_of_replication_controllers_and_services_has_every_controller_annotated()
    {
        // The shape of kubernetes/examples' older apps: a v1 List of ReplicationControllers and Services.
        var text = "apiVersion: v1\nkind: List\nitems:\n"
            + "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: front\n  spec:\n    ports:\n    - port: 80\n"
            + "- apiVersion: v1\n  kind: ReplicationController\n  metadata:\n    name: front\n  spec:\n    replicas: 2\n    template:\n      metadata:\n        labels:\n          app: front\n      spec:\n        containers:\n        - name: web\n          image: nginx\n"
            + "- apiVersion: v1\n  kind: ReplicationController\n  metadata:\n    name: back\n  spec:\n    template:\n      spec:\n        containers: [{name: db, image: redis}]\n";

        var (result, findings) = ManifestOracle.Annotate(text);

        Assert.True(result is not null, string.Join("\n", findings.Items.Select(d => d.ToCanonicalString())));
        Assert.Equal(2, result.PodTemplates);
        Assert.Empty(findings.Items);
        var read = ManifestOracle.Read(Encoding.UTF8.GetString(result.Content));
        Assert.Equal(new[] { ("Service", (string?)null), ("ReplicationController", ManifestOracle.Value), ("ReplicationController", ManifestOracle.Value) },
            read.Select(r => (r.Kind, r.Annotation)));
    }

    [SkippableTheory]
    [InlineData("argoproj.io/v1alpha1", "Rollout", "spec.template")]
    [InlineData("apps.kruise.io/v1alpha1", "CloneSet", "spec.template")]
    [InlineData("example.com/v1", "ScheduledRun", "spec.jobTemplate.spec.template")]
    public void A_kind_we_do_not_know_that_holds_a_pod_template_warns_with_its_kind_name_and_line(string apiVersion, string kind, string path)
    {
        var text = Workload("Pod", "v1", "first") + "---\n" + Workload(path.Contains("job", StringComparison.Ordinal) ? "CronJob" : "Deployment", apiVersion, "custom").Replace("kind: CronJob", "kind: " + kind).Replace("kind: Deployment", "kind: " + kind);

        var (result, findings) = ManifestOracle.Annotate(text);

        Assert.NotNull(result);
        Assert.Equal(1, result.PodTemplates);
        var warning = Assert.Single(findings.Items);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("CID3057", warning.Code);
        Assert.Equal(text.Split('\n').TakeWhile(l => l != "---").Count() + 2, warning.Location.Line);
        Assert.Contains($"{kind} 'custom'", warning.Message, StringComparison.Ordinal);
        Assert.Contains(path, warning.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_kind_we_do_not_know_without_containers_under_its_template_stays_silent()
    {
        var text = "apiVersion: example.com/v1\nkind: Blueprint\nmetadata:\n  name: b\nspec:\n  template:\n    spec:\n      size: 3\n";

        var (result, findings) = ManifestOracle.Annotate(text);

        Assert.NotNull(result);
        Assert.Equal("CID3054", Assert.Single(findings.Items).Code);
    }

    // A minimal object of the kind with its pod template where that kind keeps it.
    private static string Workload(string kind, string apiVersion, string name)
    {
        const string PodSpec = "spec:\n  containers:\n  - name: c\n    image: busybox\n";
        string Indent(string s, int n) => string.Concat(s.Split('\n').Where(l => l.Length > 0).Select(l => new string(' ', n) + l + "\n"));
        var head = $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: {name}\n";
        var template = "metadata:\n  labels:\n    app: " + name + "\n" + PodSpec;
        return kind switch
        {
            "Pod" => head + PodSpec,
            "CronJob" => head + "spec:\n  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n" + Indent(template, 8),
            _ => head + "spec:\n  replicas: 1\n  template:\n" + Indent(template, 4),
        };
    }
}
