using Coco.InitData.Diagnostics;
using Coco.InitData.Manifests;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Coco.InitData.Containers;

/// <summary>
/// Pins the pushed image in a manifest: every container and init container of every pod template whose image names the
/// pushed repository (any tag or digest) gets <c>repository@digest</c> (<c>repository:tag@digest</c> when the tag is
/// kept). The text is edited in place as <see cref="ManifestAnnotator"/> edits it: everything else stays byte for byte.
/// </summary>
public static class ImagePinner
{
    /// <summary>The lists of a pod spec that hold containers with an image (ephemeral containers are never in a template).</summary>
    private static readonly string[] ContainerLists = ["initContainers", "containers"];

    /// <summary>The pinned manifest and how many images were pinned, or null after reporting why it cannot be pinned.</summary>
    /// <param name="content">The manifest's bytes.</param>
    /// <param name="displayPath">The path shown in messages.</param>
    /// <param name="image">The pushed image.</param>
    /// <param name="keepTag">True to write <c>repository:tag@digest</c> where the manifest had a tag.</param>
    /// <param name="diagnostics">Where findings go.</param>
    public static (byte[] Content, int Pinned)? Pin(byte[] content, string displayPath, PushedImage image, bool keepTag, DiagnosticBag diagnostics)
    {
        var manifest = ManifestText.Parse(content, displayPath, diagnostics);
        if (manifest is null)
        {
            return null;
        }

        var splice = new YamlSplice(manifest.Text, manifest.NewLine);
        var edits = new List<TextEdit>();
        var failed = false;
        foreach (var (template, container, key, value, reference) in Images(manifest, displayPath, image, diagnostics))
        {
            if (!value.Anchor.IsEmpty && manifest.ReferencedAnchors.Contains(value.Anchor.Value))
            {
                diagnostics.Error(MessageId.PinImageShared, ManifestText.At(displayPath, value), template.Describe, reference, value.Anchor.Value);
                failed = true;
                continue;
            }

            edits.Add(splice.SetScalar(key, value, reference.PinnedTo(image.Digest, keepTag), container.Style == MappingStyle.Flow));
        }

        if (failed)
        {
            return null;
        }

        var pinned = manifest.ToBytes(TextEdit.Apply(manifest.Text, edits));

        // The output is read again as a new input: every image that named the repository is now exactly the pin.
        var again = ManifestText.Parse(pinned, displayPath, new DiagnosticBag());
        var check = again is null ? null : Images(again, displayPath, image, new DiagnosticBag()).ToList();
        if (check is null || check.Count != edits.Count || check.Any(c => c.Reference.Digest != image.Digest) || again!.Documents.Count != manifest.Documents.Count)
        {
            diagnostics.Error(MessageId.ManifestRecheckFailed, new SourceLocation(displayPath), displayPath, "the pinned images do not read back as pinned");
            return null;
        }

        return (pinned, edits.Count);
    }

    // Every container image of every pod template that names the pushed repository, in document order.
    private static IEnumerable<(PodTemplate Template, YamlMappingNode Container, YamlNode Key, YamlScalarNode Value, ImageReference Reference)> Images(
        ManifestText manifest, string displayPath, PushedImage image, DiagnosticBag diagnostics)
    {
        foreach (var template in PodTemplates.Find(manifest, displayPath, diagnostics))
        {
            if (template.Owner is not { } owner || KubernetesObject.Child(owner, "spec") is not YamlMappingNode spec)
            {
                continue;
            }

            foreach (var list in ContainerLists)
            {
                if (KubernetesObject.Child(spec, list) is not YamlSequenceNode containers)
                {
                    continue;
                }

                foreach (var container in containers.OfType<YamlMappingNode>())
                {
                    if (KubernetesObject.Entry(container, "image") is (var key, YamlScalarNode { Value: { } text } value)
                        && ImageReference.Parse(text.Trim()) is { } reference && reference.Names(image.Repository))
                    {
                        yield return (template, container, key, value, reference);
                    }
                }
            }
        }
    }
}
