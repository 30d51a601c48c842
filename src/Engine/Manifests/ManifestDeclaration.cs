using Coco.InitData.Diagnostics;

namespace Coco.InitData.Manifests;

/// <summary>One <c>InitDataManifest</c> item: a Kubernetes manifest to write again with the annotation.</summary>
public sealed class ManifestDeclaration
{
    // DeclarationReader makes these; a front end passes them on.
    internal ManifestDeclaration()
    {
    }

    /// <summary>The file path as written (resolved against <see cref="BaseDirectory"/>).</summary>
    public required string Path { get; init; }

    /// <summary>Where it goes under <c>k8s/</c>: the item's RecursiveDir and file name, '/'-separated.</summary>
    public required string OutputName { get; init; }

    /// <summary>Where the item was declared.</summary>
    public required SourceLocation DeclaredAt { get; init; }

    /// <summary>The folder a relative path is resolved against.</summary>
    public required string BaseDirectory { get; init; }
}
