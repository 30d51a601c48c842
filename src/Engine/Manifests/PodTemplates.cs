using Coco.InitData.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Coco.InitData.Manifests;

/// <summary>
/// The pod templates of a manifest: every object of a kind in <see cref="WorkloadKinds"/>, <c>kind: List</c> expanded.
/// An object of another kind that holds what looks like a pod template is reported (CID3057), never skipped silently.
/// </summary>
public static class PodTemplates
{
    /// <summary>Every workload's pod template in document order; objects that are not Kubernetes objects are reported (CID3051).</summary>
    internal static List<PodTemplate> Find(ManifestText manifest, string displayPath, DiagnosticBag diagnostics)
    {
        var templates = new List<PodTemplate>();
        foreach (var root in KubernetesObject.Objects(manifest, displayPath, diagnostics))
        {
            var kind = KubernetesObject.Scalar(root, "kind")!;
            if (WorkloadKinds.PodTemplatePath(kind) is { } path)
            {
                var owner = Navigate(root, path, out var chain, out var key);
                templates.Add(new PodTemplate(kind, KubernetesObject.Describe(root), root, owner, chain, ManifestText.At(displayPath, key ?? root)));
            }
            else if (!WorkloadKinds.WithoutPods.Contains(kind) && WorkloadKinds.GuessedPaths.FirstOrDefault(p => LooksLikePodTemplate(Navigate(root, p, out _, out _))) is { } guessed)
            {
                diagnostics.Warning(MessageId.ManifestUnknownWorkload, ManifestText.At(displayPath, root), kind, KubernetesObject.Describe(root), string.Join('.', guessed));
            }
        }

        return templates;
    }

    /// <summary>True for a mapping with a YAML merge key ('&lt;&lt;').</summary>
    public static bool HasMergeKey(YamlMappingNode mapping) => KubernetesObject.Child(mapping, "<<") is not null;

    // A pod template has a pod spec with containers (the one field a PodSpec requires).
    private static bool LooksLikePodTemplate(YamlMappingNode? template) =>
        template is not null && KubernetesObject.Child(template, "spec") is YamlMappingNode spec && KubernetesObject.Child(spec, "containers") is not null;

    // The mappings from the object to the owner, the object itself first; null when a key is missing or not a mapping.
    private static YamlMappingNode? Navigate(YamlMappingNode root, IReadOnlyList<string> path, out List<YamlMappingNode> chain, out YamlNode? lastKey)
    {
        chain = new List<YamlMappingNode> { root };
        lastKey = null;
        var node = root;
        foreach (var name in path)
        {
            if (KubernetesObject.Entry(node, name) is not (var key, YamlMappingNode next))
            {
                return null;
            }

            lastKey = key;
            node = next;
            chain.Add(node);
        }

        return node;
    }
}
