namespace Coco.InitData.Manifests;

/// <summary>The initdata annotations of one pod template.</summary>
/// <param name="Template">The pod template.</param>
/// <param name="Found">The annotations it carries under the names looked for.</param>
/// <param name="HasRefusedValue">True when it carries one that was refused (a tagged value, CID3058).</param>
public sealed record TemplateAnnotations(PodTemplate Template, IReadOnlyList<FoundAnnotation> Found, bool HasRefusedValue);
