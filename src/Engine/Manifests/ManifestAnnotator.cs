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
public static class ManifestAnnotator
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
            if (Navigate(root, path) is { } owner)
            {
                if (target.Inject(owner, edits, diagnostics))
                {
                    templates++;
                }
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

        return new AnnotatedManifest(manifest.ToBytes(TextEdit.Apply(manifest.Text, edits)), templates);
    }

    private static YamlMappingNode? Navigate(YamlMappingNode root, IReadOnlyList<string> path)
    {
        var node = root;
        foreach (var key in path)
        {
            if (KubernetesObject.Child(node, key) is not YamlMappingNode next)
            {
                return null;
            }

            node = next;
        }

        return node;
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

        private string NewLine => _manifest.NewLine;

        public bool Inject(YamlMappingNode owner, List<TextEdit> edits, DiagnosticBag diagnostics)
        {
            switch (KubernetesObject.Child(owner, "metadata"))
            {
                case null:
                    AddEntry(owner, "metadata", depth => Nested(depth, "annotations", Entry()), "{annotations: {" + Entry() + "}}", edits);
                    return true;
                case YamlMappingNode metadata:
                    return InjectIntoMetadata(metadata, edits, diagnostics);
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
                    CheckSize(metadata, Total(annotations), diagnostics);
                    if (KubernetesObject.Child(annotations, _name) is YamlScalarNode old)
                    {
                        edits.Add(ReplaceScalar(old));
                    }
                    else
                    {
                        AddRawEntry(annotations, Entry(), edits);
                    }

                    return true;
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
