using Coco.InitData.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Coco.InitData.Manifests;

/// <summary>Reads the fields of a Kubernetes object that say what it is.</summary>
public static class KubernetesObject
{
    /// <summary>The scalar value of a key, or null.</summary>
    internal static string? Scalar(YamlMappingNode mapping, string key) =>
        Child(mapping, key) is YamlScalarNode { Value: { } value } ? value : null;

    /// <summary>The node under a key, or null.</summary>
    public static YamlNode? Child(YamlMappingNode mapping, string key) => Entry(mapping, key)?.Value;

    /// <summary>The key node and the node under it, or null.</summary>
    internal static (YamlNode Key, YamlNode Value)? Entry(YamlMappingNode mapping, string key)
    {
        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && name == key)
            {
                return (k, v);
            }
        }

        return null;
    }

    /// <summary>
    /// True for a YAML null: an empty plain value, <c>~</c>, <c>null</c> in its three spellings, or a <c>!!null</c> tag.
    /// Kubernetes (sigs.k8s.io/yaml), kubectl and genpolicy read a null <c>metadata</c> or <c>annotations</c> as absent.
    /// </summary>
    internal static bool IsNull(YamlNode node) => node is YamlScalarNode scalar
        && (scalar.Tag.IsEmpty
            ? scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL"
            : scalar.Tag.Value == NullTag);

    /// <summary>The tag a node carries explicitly (<c>tag:yaml.org,2002:binary</c> for <c>!!binary</c>), or null.</summary>
    internal static string? ExplicitTag(YamlNode node) => node.Tag.IsEmpty ? null : node.Tag.Value;

    /// <summary>YAML's string tag, <c>!!str</c>.</summary>
    internal const string StringTag = "tag:yaml.org,2002:str";

    private const string NullTag = "tag:yaml.org,2002:null";

    /// <summary>The object's name for messages: <c>Deployment/web</c>.</summary>
    internal static string Describe(YamlMappingNode root)
    {
        var name = Child(root, "metadata") is YamlMappingNode metadata ? Scalar(metadata, "name") ?? Scalar(metadata, "generateName") : null;
        return name ?? "(unnamed)";
    }

    /// <summary>
    /// The root mappings of every non-empty document, with <c>kind: List</c> expanded into its items; reports
    /// CID3051 for a document that is not an object (a scalar, a sequence, a mapping without apiVersion or kind).
    /// </summary>
    internal static List<YamlMappingNode> Objects(ManifestText manifest, string displayPath, DiagnosticBag diagnostics)
    {
        var objects = new List<YamlMappingNode>();
        for (var i = 0; i < manifest.Documents.Count; i++)
        {
            var root = manifest.Documents[i].RootNode;
            if (root is YamlScalarNode { Value: null or "" } && root.Tag.IsEmpty)
            {
                continue; // An empty document (a stray '---') is allowed by kubectl.
            }

            Collect(root, i + 1, displayPath, objects, diagnostics);
        }

        return objects;
    }

    private static void Collect(YamlNode node, int document, string displayPath, List<YamlMappingNode> objects, DiagnosticBag diagnostics)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Error(MessageId.ManifestNotKubernetes, ManifestText.At(displayPath, node), document, displayPath, $"it is a {Shape(node)}, not a mapping");
            return;
        }

        var kind = Scalar(mapping, "kind");
        if (Scalar(mapping, "apiVersion") is null || string.IsNullOrEmpty(kind))
        {
            diagnostics.Error(MessageId.ManifestNotKubernetes, ManifestText.At(displayPath, node), document, displayPath, "it has no apiVersion or no kind");
            return;
        }

        if (kind.EndsWith("List", StringComparison.Ordinal) && Child(mapping, "items") is YamlSequenceNode items)
        {
            foreach (var item in items)
            {
                Collect(item, document, displayPath, objects, diagnostics);
            }

            return;
        }

        objects.Add(mapping);
    }

    /// <summary>What a node is, in words.</summary>
    internal static string Shape(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlScalarNode { Value: null or "" } => "empty value",
        YamlScalarNode => "single value",
        _ => "mapping",
    };
}
