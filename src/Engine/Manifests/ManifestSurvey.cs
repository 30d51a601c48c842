namespace Coco.InitData.Manifests;

/// <summary>The pod templates of a manifest and the initdata annotations each carries.</summary>
/// <param name="Templates">Every pod template, in document order.</param>
public sealed record ManifestSurvey(IReadOnlyList<TemplateAnnotations> Templates)
{
    /// <summary>Every annotation found, in document order.</summary>
    public IReadOnlyList<FoundAnnotation> Found { get; } = Templates.SelectMany(t => t.Found).ToList();
}
