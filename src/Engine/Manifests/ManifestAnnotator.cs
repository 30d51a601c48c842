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
        var objects = KubernetesObject.Objects(manifest, displayPath, diagnostics);
        var edits = new List<TextEdit>();
        var templates = 0;
        foreach (var root in objects)
        {
            var kind = KubernetesObject.Scalar(root, "kind")!;
            if (WorkloadKinds.PodTemplatePath(kind) is not { } path)
            {
                continue;
            }

            var target = new PodTemplateTarget(manifest, displayPath, kind, KubernetesObject.Describe(root), annotationName, annotationValue);
            if (Navigate(root, path, out var chain) is { } owner)
            {
                if (target.CheckChain(chain, diagnostics) && target.Inject(owner, edits, diagnostics))
                {
                    templates++;
                }
            }
            else if (chain.Any(HasMergeKey))
            {
                // The template may well be there, merged in from elsewhere: saying "no template" would be wrong.
                target.CheckChain(chain, diagnostics);
            }
            else
            {
                diagnostics.Warning(MessageId.ManifestPodTemplateMissing, ManifestText.At(displayPath, root), kind, target.ObjectName, string.Join('.', path));
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

        // Every output is read again as a new input and must carry exactly the value in every pod template: a
        // manifest that our own digest would reject is never handed back.
        if (Recheck(annotated, displayPath, annotationName, annotationValue, templates, manifest.Documents.Count) is { } problem)
        {
            diagnostics.Error(MessageId.ManifestRecheckFailed, new SourceLocation(displayPath), displayPath, problem);
            return null;
        }

        return new AnnotatedManifest(annotated, templates);
    }

    // The mappings from the object to its pod template owner, the object itself first; null when a key is missing.
    private static YamlMappingNode? Navigate(YamlMappingNode root, IReadOnlyList<string> path, out List<YamlMappingNode> chain)
    {
        chain = new List<YamlMappingNode> { root };
        var node = root;
        foreach (var key in path)
        {
            if (KubernetesObject.Child(node, key) is not YamlMappingNode next)
            {
                return null;
            }

            node = next;
            chain.Add(node);
        }

        return node;
    }

    private static bool HasMergeKey(YamlMappingNode mapping) => KubernetesObject.Child(mapping, "<<") is not null;

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
        foreach (var root in KubernetesObject.Objects(manifest, displayPath, bag))
        {
            var kind = KubernetesObject.Scalar(root, "kind")!;
            if (WorkloadKinds.PodTemplatePath(kind) is not { } path || Navigate(root, path, out _) is not { } owner)
            {
                continue;
            }

            var value = KubernetesObject.Child(owner, "metadata") is YamlMappingNode metadata && KubernetesObject.Child(metadata, "annotations") is YamlMappingNode annotations
                ? KubernetesObject.Child(annotations, annotationName)
                : null;
            if (value is not YamlScalarNode { Value: { } text } || text != annotationValue)
            {
                return $"{kind} '{KubernetesObject.Describe(root)}' does not carry the new annotation value";
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
        private readonly string _kind;
        private readonly string _name;
        private readonly string _value;

        public PodTemplateTarget(ManifestText manifest, string displayPath, string kind, string objectName, string name, string value)
        {
            _manifest = manifest;
            _displayPath = displayPath;
            _kind = kind;
            ObjectName = objectName;
            _name = name;
            _value = value;
        }

        public string ObjectName { get; }

        /// <summary>Refuses (CID3066, CID3067) a chain that an alias shares or a merge key builds: an edit there is not local.</summary>
        public bool CheckChain(IEnumerable<YamlNode> chain, DiagnosticBag diagnostics)
        {
            foreach (var node in chain)
            {
                if (!node.Anchor.IsEmpty && _manifest.ReferencedAnchors.Contains(node.Anchor.Value))
                {
                    diagnostics.Error(MessageId.ManifestSharedTemplate, ManifestText.At(_displayPath, node), _kind, ObjectName, "pod template", node.Anchor.Value);
                    return false;
                }

                if (node is YamlMappingNode mapping && HasMergeKey(mapping))
                {
                    diagnostics.Error(MessageId.ManifestMergeKey, ManifestText.At(_displayPath, node), _kind, ObjectName, "pod template");
                    return false;
                }
            }

            return true;
        }

        private string NewLine => _manifest.NewLine;

        public bool Inject(YamlMappingNode owner, List<TextEdit> edits, DiagnosticBag diagnostics)
        {
            switch (KubernetesObject.Child(owner, "metadata"))
            {
                case null:
                    AddEntry(owner, "metadata", depth => Nested(depth, "annotations", Entry()), "{annotations: {" + Entry() + "}}", edits);
                    return true;
                case YamlMappingNode metadata:
                    return CheckChain(new[] { metadata }, diagnostics) && InjectIntoMetadata(metadata, edits, diagnostics);
                case var other:
                    diagnostics.Error(MessageId.ManifestShapeUnsupported, ManifestText.At(_displayPath, other), "metadata", _kind, ObjectName, KubernetesObject.Shape(other));
                    return false;
            }
        }

        private bool InjectIntoMetadata(YamlMappingNode metadata, List<TextEdit> edits, DiagnosticBag diagnostics)
        {
            switch (KubernetesObject.Child(metadata, "annotations"))
            {
                case null:
                    CheckSize(metadata, 0, diagnostics);
                    AddEntry(metadata, "annotations", _ => Entry(), "{" + Entry() + "}", edits);
                    return true;
                case YamlMappingNode annotations:
                    if (!CheckChain(new[] { annotations }, diagnostics))
                    {
                        return false;
                    }

                    CheckSize(metadata, Total(annotations), diagnostics);
                    switch (KubernetesObject.Child(annotations, _name))
                    {
                        case YamlScalarNode old when CheckChain(new[] { old }, diagnostics):
                            edits.Add(ReplaceScalar(old));
                            return true;
                        case YamlScalarNode:
                            return false;
                        case null:
                            AddRawEntry(annotations, Entry(), edits);
                            return true;
                        case var other:
                            diagnostics.Error(MessageId.ManifestAnnotationNotScalar, ManifestText.At(_displayPath, other), _kind, ObjectName, _name, KubernetesObject.Shape(other));
                            return false;
                    }

                case var other:
                    diagnostics.Error(MessageId.ManifestShapeUnsupported, ManifestText.At(_displayPath, other), "metadata.annotations", _kind, ObjectName, KubernetesObject.Shape(other));
                    return false;
            }
        }

        // "key: value" with the value plain: base64 of gzip always starts with H4sI, so it stays a string.
        private string Entry() => _name + ": " + _value;

        private string Nested(int column, string key, string entry) =>
            key + ":" + NewLine + new string(' ', column + 2) + entry;

        /// <summary>Adds "key: ..." to a mapping that lacks it: before its first key in block style, after '{' in flow style.</summary>
        private void AddEntry(YamlMappingNode mapping, string key, Func<int, string> blockValue, string flowValue, List<TextEdit> edits)
        {
            if (mapping.Style == MappingStyle.Flow || mapping.Children.Count == 0)
            {
                AddRawEntry(mapping, key + ": " + flowValue, edits);
                return;
            }

            var first = mapping.Children.First().Key;
            var column = (int)first.Start.Column - 1;
            edits.Add(new TextEdit((int)first.Start.Index, 0, key + ":" + NewLine + new string(' ', column + 2) + blockValue(column + 2) + NewLine + new string(' ', column)));
        }

        /// <summary>Adds a ready "key: value" entry as the mapping's first entry.</summary>
        private void AddRawEntry(YamlMappingNode mapping, string entry, List<TextEdit> edits)
        {
            if (mapping.Style == MappingStyle.Flow || mapping.Children.Count == 0)
            {
                // Start is the '{': the entry goes right after it, followed by a comma when others remain.
                var separator = mapping.Children.Count == 0 ? string.Empty : ", ";
                edits.Add(new TextEdit((int)mapping.Start.Index + 1, 0, entry + separator));
                return;
            }

            var first = mapping.Children.First().Key;
            var column = (int)first.Start.Column - 1;
            edits.Add(new TextEdit((int)first.Start.Index, 0, entry + NewLine + new string(' ', column)));
        }

        private TextEdit ReplaceScalar(YamlScalarNode old)
        {
            var start = (int)old.Start.Index;
            var end = (int)old.End.Index;

            // A block scalar's span ends after its last line break; keep one so the next key stays on its own line.
            var tail = old.Style is YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded ? NewLine : string.Empty;
            return new TextEdit(start, end - start, _value + tail);
        }

        private void CheckSize(YamlMappingNode metadata, long existing, DiagnosticBag diagnostics)
        {
            var total = existing + Encoding.UTF8.GetByteCount(_name) + _value.Length;
            if (total > AnnotationKey.KubernetesAnnotationLimit)
            {
                diagnostics.Warning(MessageId.ManifestAnnotationsTooLarge, ManifestText.At(_displayPath, metadata), _kind, ObjectName, total);
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
