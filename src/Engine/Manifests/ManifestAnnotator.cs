using System.Text;
using Coco.InitData.Diagnostics;
using Coco.InitData.Transport;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Coco.InitData.Manifests;

/// <summary>
/// Injects the initdata annotation into the pod template of every workload in a multi-document manifest.
/// The text is edited in place at the positions the YAML parser reports, instead of re-serialising the
/// object model: other documents, keys, comments, quoting and ordering stay byte for byte as they were.
/// </summary>
internal static class ManifestAnnotator
{
    /// <summary>Returns the annotated manifest, or null after reporting why it cannot be annotated.</summary>
    /// <param name="content">The manifest file's bytes.</param>
    /// <param name="displayPath">The path shown in messages.</param>
    /// <param name="annotationName">The annotation key.</param>
    /// <param name="annotationValue">The annotation value (base64 of gzip).</param>
    /// <param name="diagnostics">Where findings go.</param>
    public static AnnotatedManifest? Annotate(byte[] content, string displayPath, string annotationName, string annotationValue, DiagnosticBag diagnostics)
    {
        var manifest = ManifestText.Parse(content, displayPath, diagnostics);
        if (manifest is null)
        {
            return null;
        }

        var errorsBefore = diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Error);
        var edits = new List<TextEdit>();
        var templates = 0;
        foreach (var template in PodTemplates.Find(manifest, displayPath, diagnostics))
        {
            var target = new PodTemplateTarget(manifest, displayPath, template, annotationName, annotationValue);
            if (template.Owner is { } owner)
            {
                if (target.CheckChain(template.Chain, diagnostics) && target.Inject(owner, edits, diagnostics))
                {
                    templates++;
                }
            }
            else if (template.HasMergeKey)
            {
                // The template may well be there, merged in from elsewhere: saying "no template" would be wrong.
                target.CheckChain(template.Chain, diagnostics);
            }
            else
            {
                diagnostics.Warning(MessageId.ManifestPodTemplateMissing, ManifestText.At(displayPath, template.Root), template.Kind, template.Name,
                    string.Join('.', WorkloadKinds.PodTemplatePath(template.Kind)!));
            }
        }

        if (diagnostics.Items.Count(d => d.Severity == DiagnosticSeverity.Error) > errorsBefore)
        {
            return null;
        }

        if (templates == 0 && edits.Count == 0)
        {
            diagnostics.Warning(MessageId.ManifestNoWorkload, new SourceLocation(displayPath), displayPath);
        }

        byte[] annotated;
        try
        {
            annotated = manifest.ToBytes(TextEdit.Apply(manifest.Text, edits));
        }
        catch (InvalidOperationException e)
        {
            diagnostics.Error(MessageId.ManifestRecheckFailed, new SourceLocation(displayPath), displayPath, e.Message);
            return null;
        }

        // Every reader of manifests here (annotate, verify, the build) refuses more than this: never write what the
        // gate after us would refuse to read.
        if (annotated.Length > ManifestLimits.MaxCharacters)
        {
            diagnostics.Error(MessageId.ManifestOutputTooLarge, new SourceLocation(displayPath), displayPath, annotated.Length, ManifestLimits.MaxCharacters, templates);
            return null;
        }

        // Every output is read again as a new input and must carry exactly the value in every pod template: a
        // manifest that our own digest would reject is never handed back.
        if (Recheck(annotated, displayPath, annotationName, annotationValue, templates, manifest.Documents.Count) is { } problem)
        {
            diagnostics.Error(MessageId.ManifestRecheckFailed, new SourceLocation(displayPath), displayPath, problem);
            return null;
        }

        return new AnnotatedManifest(annotated, templates);
    }

    /// <summary>Why an annotated output is not what it must be (read again as a new input), or null when it is.</summary>
    internal static string? Recheck(byte[] content, string displayPath, string annotationName, string annotationValue, int expectedTemplates, int expectedDocuments)
    {
        var bag = new DiagnosticBag();
        var manifest = ManifestText.Parse(content, displayPath, bag);
        if (manifest is null)
        {
            return bag.Items.First(d => d.Severity == DiagnosticSeverity.Error).Message;
        }

        if (manifest.Documents.Count != expectedDocuments)
        {
            return $"{manifest.Documents.Count} documents instead of {expectedDocuments}";
        }

        var carrying = 0;
        foreach (var template in PodTemplates.Find(manifest, displayPath, bag))
        {
            if (template.Owner is not { } owner)
            {
                continue;
            }

            var value = KubernetesObject.Child(owner, "metadata") is YamlMappingNode metadata && KubernetesObject.Child(metadata, "annotations") is YamlMappingNode annotations
                ? KubernetesObject.Child(annotations, annotationName)
                : null;
            if (value is not YamlScalarNode { Value: { } text } scalar || text != annotationValue || KubernetesObject.ExplicitTag(scalar) is { } tag && tag != KubernetesObject.StringTag)
            {
                return $"{template.Kind} '{template.Name}' does not carry the new annotation value";
            }

            carrying++;
        }

        return carrying == expectedTemplates ? null : $"{carrying} pod templates carry the annotation instead of {expectedTemplates}";
    }

    /// <summary>One pod template to annotate and the text edit that does it.</summary>
    private sealed class PodTemplateTarget
    {
        private readonly ManifestText _manifest;
        private readonly string _displayPath;
        private readonly PodTemplate _template;
        private readonly string _name;
        private readonly string _value;
        private readonly YamlSplice _splice;

        public PodTemplateTarget(ManifestText manifest, string displayPath, PodTemplate template, string name, string value)
        {
            _manifest = manifest;
            _displayPath = displayPath;
            _template = template;
            _name = name;
            _value = value;
            _splice = new YamlSplice(manifest.Text, manifest.NewLine);
        }

        private string Kind => _template.Kind;

        private string ObjectName => _template.Name;

        /// <summary>Refuses (CID3066, CID3067) a chain that an alias shares or a merge key builds: an edit there is not local.</summary>
        public bool CheckChain(IEnumerable<YamlNode> chain, DiagnosticBag diagnostics)
        {
            foreach (var node in chain)
            {
                if (!node.Anchor.IsEmpty && _manifest.ReferencedAnchors.Contains(node.Anchor.Value))
                {
                    diagnostics.Error(MessageId.ManifestSharedTemplate, ManifestText.At(_displayPath, node), Kind, ObjectName, "pod template", node.Anchor.Value);
                    return false;
                }

                if (node is YamlMappingNode mapping && PodTemplates.HasMergeKey(mapping))
                {
                    diagnostics.Error(MessageId.ManifestMergeKey, ManifestText.At(_displayPath, node), Kind, ObjectName, "pod template");
                    return false;
                }
            }

            return true;
        }

        public bool Inject(YamlMappingNode owner, List<TextEdit> edits, DiagnosticBag diagnostics)
        {
            var annotations = NewEntry.Nested("annotations", Entry());
            switch (KubernetesObject.Entry(owner, "metadata"))
            {
                case null:
                    edits.Add(_splice.AddFirst(owner, NewEntry.Nested("metadata", annotations), isDocumentRoot: ReferenceEquals(owner, _template.Root)));
                    return true;
                case (_, YamlMappingNode metadata):
                    return CheckChain(new[] { metadata }, diagnostics) && InjectIntoMetadata(metadata, edits, diagnostics);
                case (var key, var empty) when KubernetesObject.IsNull(empty):
                    // Kubernetes, kubectl and genpolicy read a null metadata as absent (Helm charts render it).
                    if (!CheckChain(new[] { empty }, diagnostics))
                    {
                        return false;
                    }

                    edits.Add(_splice.FillNull(key, (YamlScalarNode)empty, annotations, owner.Style == MappingStyle.Flow));
                    return true;
                case (_, var other):
                    diagnostics.Error(MessageId.ManifestShapeUnsupported, ManifestText.At(_displayPath, other), "metadata", Kind, ObjectName, KubernetesObject.Shape(other));
                    return false;
            }
        }

        private bool InjectIntoMetadata(YamlMappingNode metadata, List<TextEdit> edits, DiagnosticBag diagnostics)
        {
            switch (KubernetesObject.Entry(metadata, "annotations"))
            {
                case null:
                    CheckSize(metadata, 0, diagnostics);
                    edits.Add(_splice.AddFirst(metadata, NewEntry.Nested("annotations", Entry()), isDocumentRoot: false));
                    return true;
                case (var key, var empty) when KubernetesObject.IsNull(empty):
                    if (!CheckChain(new[] { empty }, diagnostics))
                    {
                        return false;
                    }

                    CheckSize(metadata, 0, diagnostics);
                    edits.Add(_splice.FillNull(key, (YamlScalarNode)empty, Entry(), metadata.Style == MappingStyle.Flow));
                    return true;
                case (_, YamlMappingNode annotations):
                    if (!CheckChain(new[] { annotations }, diagnostics))
                    {
                        return false;
                    }

                    CheckSize(metadata, Total(annotations), diagnostics);
                    switch (KubernetesObject.Entry(annotations, _name))
                    {
                        case (var key, YamlScalarNode old) when CheckChain(new[] { old }, diagnostics):
                            edits.Add(_splice.SetScalar(key, old, _value, annotations.Style == MappingStyle.Flow));
                            return true;
                        case (_, YamlScalarNode):
                            return false;
                        case null:
                            edits.Add(_splice.AddFirst(annotations, Entry(), isDocumentRoot: false));
                            return true;
                        case (_, var other):
                            diagnostics.Error(MessageId.ManifestAnnotationNotScalar, ManifestText.At(_displayPath, other), Kind, ObjectName, _name, KubernetesObject.Shape(other));
                            return false;
                    }

                case (_, var other):
                    diagnostics.Error(MessageId.ManifestShapeUnsupported, ManifestText.At(_displayPath, other), "metadata.annotations", Kind, ObjectName, KubernetesObject.Shape(other));
                    return false;
            }
        }

        private NewEntry Entry() => new(_name, _value);

        private void CheckSize(YamlMappingNode metadata, long existing, DiagnosticBag diagnostics)
        {
            var total = existing + Encoding.UTF8.GetByteCount(_name) + _value.Length;
            if (total > AnnotationKey.KubernetesAnnotationLimit)
            {
                diagnostics.Warning(MessageId.ManifestAnnotationsTooLarge, ManifestText.At(_displayPath, metadata), Kind, ObjectName, total);
            }
        }

        // Keys plus values, as the API server counts them; the old initdata value does not count, it is replaced.
        private long Total(YamlMappingNode annotations)
        {
            long total = 0;
            foreach (var (k, v) in annotations.Children)
            {
                if (k is YamlScalarNode { Value: { } key } && key != _name)
                {
                    total += Encoding.UTF8.GetByteCount(key) + (v is YamlScalarNode { Value: { } value } ? Encoding.UTF8.GetByteCount(value) : 0);
                }
            }

            return total;
        }
    }
}
