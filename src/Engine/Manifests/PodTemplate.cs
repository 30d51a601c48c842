using Coco.InitData.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Coco.InitData.Manifests;

/// <summary>One workload's pod template, found the one way annotate and the gate both use.</summary>
/// <param name="Kind">The workload's kind.</param>
/// <param name="Name">The workload's name, or <c>(unnamed)</c>.</param>
/// <param name="Root">The workload object.</param>
/// <param name="Owner">The mapping whose <c>metadata</c> is the pod's (the object itself for a Pod); null when a key on the way is missing.</param>
/// <param name="Chain">The mappings from the object to the owner (as far as they go), the object first.</param>
/// <param name="Location">The pod template's line: its <c>template</c> key, or the object for a Pod.</param>
public sealed record PodTemplate(string Kind, string Name, YamlMappingNode Root, YamlMappingNode? Owner, IReadOnlyList<YamlMappingNode> Chain, SourceLocation Location)
{
    /// <summary><c>Kind/name</c>, as kubectl names objects.</summary>
    public string Describe => Kind + "/" + Name;

    /// <summary>True when a mapping on the way is built with a YAML merge key: what it holds may come from elsewhere.</summary>
    public bool HasMergeKey => Chain.Any(PodTemplates.HasMergeKey);
}
