using Coco.InitData.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Coco.InitData.Manifests;

/// <summary>
/// Finds initdata annotations in a manifest where the kata runtime reads them: in the pod templates annotate writes
/// (<see cref="PodTemplates"/>). An annotation on a Deployment's own metadata, a ConfigMap or inside a container's
/// env never reaches a pod and is not read.
/// </summary>
public static class ManifestAnnotationReader
{
    /// <summary>Every annotation with one of <paramref name="names"/>, in document order; null after reporting that the file is not a manifest.</summary>
    internal static IReadOnlyList<FoundAnnotation>? Find(byte[] content, string displayPath, IReadOnlyCollection<string> names, DiagnosticBag diagnostics) =>
        Survey(content, displayPath, names, diagnostics)?.Found;

    /// <summary>
    /// Each pod template with the annotations it carries under one of <paramref name="names"/>; null after reporting that
    /// the file is not a manifest. A value with a YAML tag other than <c>!!str</c> is reported (CID3058) and not read.
    /// </summary>
    public static ManifestSurvey? Survey(byte[] content, string displayPath, IReadOnlyCollection<string> names, DiagnosticBag diagnostics)
    {
        var manifest = ManifestText.Parse(content, displayPath, diagnostics);
        if (manifest is null)
        {
            return null;
        }

        var bag = new DiagnosticBag();
        var templates = PodTemplates.Find(manifest, displayPath, bag);
        diagnostics.AddRange(bag.Items);
        if (bag.HasErrors)
        {
            return null;
        }

        return new ManifestSurvey(templates.Select(t => Read(t, displayPath, names, diagnostics)).ToList());
    }

    private static TemplateAnnotations Read(PodTemplate template, string displayPath, IReadOnlyCollection<string> names, DiagnosticBag diagnostics)
    {
        var found = new List<FoundAnnotation>();
        var refused = false;
        if (template.Owner is { } owner && KubernetesObject.Child(owner, "metadata") is YamlMappingNode metadata
            && KubernetesObject.Child(metadata, "annotations") is YamlMappingNode annotations)
        {
            foreach (var (k, v) in annotations.Children)
            {
                if (k is not YamlScalarNode { Value: { } name } || !names.Contains(name) || v is not YamlScalarNode { Value: { } text } value)
                {
                    continue;
                }

                if (KubernetesObject.ExplicitTag(value) is { } tag && tag != KubernetesObject.StringTag)
                {
                    diagnostics.Error(MessageId.ManifestAnnotationTagged, ManifestText.At(displayPath, value), template.Kind, template.Name, name, ShortTag(tag));
                    refused = true;
                    continue;
                }

                found.Add(new FoundAnnotation(name, text, ManifestText.At(displayPath, value)));
            }
        }

        return new TemplateAnnotations(template, found, refused);
    }

    // "!!binary" rather than "tag:yaml.org,2002:binary": the form written in the file.
    private static string ShortTag(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;
}
