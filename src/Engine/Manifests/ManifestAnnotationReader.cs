using Coco.InitData.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Coco.InitData.Manifests;

/// <summary>Finds initdata annotations in a manifest: the values under <c>metadata.annotations</c> of any object or pod template.</summary>
internal static class ManifestAnnotationReader
{
    /// <summary>Every annotation with one of <paramref name="names"/>, in document order; null after reporting that the file is not a manifest.</summary>
    public static IReadOnlyList<FoundAnnotation>? Find(byte[] content, string displayPath, IReadOnlyCollection<string> names, DiagnosticBag diagnostics)
    {
        var manifest = ManifestText.Parse(content, displayPath, diagnostics);
        if (manifest is null)
        {
            return null;
        }

        var bag = new DiagnosticBag();
        var objects = KubernetesObject.Objects(manifest, displayPath, bag);
        diagnostics.AddRange(bag.Items);
        if (bag.HasErrors)
        {
            return null;
        }

        var found = new List<FoundAnnotation>();
        var visited = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        foreach (var root in objects)
        {
            Walk(root, names, displayPath, found, visited);
        }

        return found;
    }

    // Depth is bounded by ManifestLimits; a node shared through aliases is walked once.
    private static void Walk(YamlNode node, IReadOnlyCollection<string> names, string displayPath, List<FoundAnnotation> found, HashSet<YamlNode> visited)
    {
        if (!visited.Add(node))
        {
            return;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: "metadata" } && value is YamlMappingNode metadata
                        && KubernetesObject.Child(metadata, "annotations") is YamlMappingNode annotations)
                    {
                        foreach (var (k, v) in annotations.Children)
                        {
                            if (k is YamlScalarNode { Value: { } name } && names.Contains(name) && v is YamlScalarNode { Value: { } text })
                            {
                                found.Add(new FoundAnnotation(name, text, ManifestText.At(displayPath, v)));
                            }
                        }
                    }

                    Walk(value, names, displayPath, found, visited);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence)
                {
                    Walk(item, names, displayPath, found, visited);
                }

                break;
        }
    }
}
