using Coco.InitData.Diagnostics;
using Coco.InitData.Manifests;
using Coco.InitData.Specification;

namespace Coco.InitData.Generation;

/// <summary>What a front end (the build task, <c>coco-initdata generate</c>) asks of <see cref="InitDataPipeline"/>.</summary>
public sealed class GenerationRequest
{
    /// <summary>Everything declared.</summary>
    public required InitDataSpecification Specification { get; init; }

    /// <summary>The Kubernetes manifests to write again under <c>k8s/</c> with the annotation.</summary>
    public IReadOnlyList<ManifestDeclaration> Manifests { get; init; } = Array.Empty<ManifestDeclaration>();

    /// <summary>The folder the artifacts are written to.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Where the set's list, lock and journal go: obj/ for the build; null for the output folder itself (the tool).</summary>
    public Artifacts.SetBookkeeping? Bookkeeping { get; init; }

    /// <summary>The folder the summary line's path is relative to: the project's for the build (null), the current one for the tool.</summary>
    public string? SummaryBase { get; init; }

    /// <summary>Where a "nothing declared" warning points: the project file, or nowhere for command-line options.</summary>
    public SourceLocation DeclaredIn { get; init; } = SourceLocation.None;

    /// <summary>Findings the front end made itself before generating (items MSBuild dropped); reported first.</summary>
    public IReadOnlyList<Diagnostic> EarlierFindings { get; init; } = Array.Empty<Diagnostic>();
}
