using Coco.InitData.Diagnostics;

namespace Coco.InitData.Manifests;

/// <summary>An initdata annotation found in a manifest.</summary>
/// <param name="Name">The annotation key.</param>
/// <param name="Value">The annotation value.</param>
/// <param name="Location">The file, line and column of the value.</param>
public sealed record FoundAnnotation(string Name, string Value, SourceLocation Location);
