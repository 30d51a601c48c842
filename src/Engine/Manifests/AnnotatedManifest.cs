namespace Coco.InitData.Manifests;

/// <summary>A manifest with the annotation injected.</summary>
/// <param name="Content">The new file bytes (same encoding, BOM and line endings as the input).</param>
/// <param name="PodTemplates">How many pod templates received the annotation.</param>
internal sealed record AnnotatedManifest(byte[] Content, int PodTemplates);
