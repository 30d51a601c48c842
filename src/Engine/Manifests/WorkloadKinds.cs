namespace Coco.InitData.Manifests;

/// <summary>
/// The Kubernetes kinds that run pods, and where each keeps the pod template whose metadata gets the annotation:
/// the workload kinds genpolicy annotates (kata-containers 4.1.0 src/tools/genpolicy/src/yaml.rs new_k8s_resource).
/// </summary>
internal static class WorkloadKinds
{
    private static readonly string[] Template = { "spec", "template" };
    private static readonly string[] CronJobTemplate = { "spec", "jobTemplate", "spec", "template" };

    /// <summary>Kinds genpolicy reads and knows run no pods (its NoPolicyResource list, ConfigMap and Secret): never guessed at.</summary>
    public static IReadOnlySet<string> WithoutPods { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ConfigMap", "Secret", "ClusterRole", "ClusterRoleBinding", "LimitRange", "Namespace", "PersistentVolume", "PersistentVolumeClaim",
        "PodDisruptionBudget", "PriorityClass", "ResourceQuota", "Role", "RoleBinding", "Service", "ServiceAccount",
    };

    /// <summary>Where a kind we do not know may still keep a pod template (an Argo Rollout, an OpenKruise CloneSet).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> GuessedPaths { get; } = new[] { Template, CronJobTemplate };

    /// <summary>The keys from the object to the mapping whose <c>metadata</c> is the pod's; empty for a Pod itself; null for other kinds.</summary>
    public static IReadOnlyList<string>? PodTemplatePath(string kind) => kind switch
    {
        "Pod" => Array.Empty<string>(),
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job" => Template,
        "CronJob" => CronJobTemplate,
        _ => null,
    };
}
