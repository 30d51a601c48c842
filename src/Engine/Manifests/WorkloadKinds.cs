namespace Coco.InitData.Manifests;

/// <summary>The Kubernetes kinds that run pods, and where each keeps the pod template whose metadata gets the annotation.</summary>
internal static class WorkloadKinds
{
    private static readonly string[] Template = { "spec", "template" };
    private static readonly string[] CronJobTemplate = { "spec", "jobTemplate", "spec", "template" };

    /// <summary>The keys from the object to the mapping whose <c>metadata</c> is the pod's; empty for a Pod itself; null for other kinds.</summary>
    public static IReadOnlyList<string>? PodTemplatePath(string kind) => kind switch
    {
        "Pod" => Array.Empty<string>(),
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" => Template,
        "CronJob" => CronJobTemplate,
        _ => null,
    };
}
