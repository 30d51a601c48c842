using Coco.InitData.Manifests;
using Coco.InitData.Specification;

namespace Coco.InitData.Tool.Projects;

/// <summary>What the build would hand the GenerateInitData task, read from an evaluated project.</summary>
internal sealed class EvaluatedProject
{
    public required string ProjectPath { get; init; }

    /// <summary>False when <c>InitDataEnabled</c> is false: the build writes nothing.</summary>
    public required bool Enabled { get; init; }

    /// <summary>
    /// The folder the build writes the artifacts to (<c>InitDataOutputPath</c>, default <c>$(OutDir)initdata/</c>); empty when
    /// the command did not ask (it costs running the target that computes it, about 0.1 s).
    /// </summary>
    public required string OutputPath { get; init; }

    public required InitDataSpecification Specification { get; init; }

    public required IReadOnlyList<ManifestDeclaration> Manifests { get; init; }
}
