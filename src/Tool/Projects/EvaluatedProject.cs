using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
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
    /// The folder the build writes the artifacts to, as the package's GetInitDataConfiguration target computes it; empty
    /// when the command did not ask (-o given, or verify).
    /// </summary>
    public required string OutputPath { get; init; }

    public required InitDataSpecification Specification { get; init; }

    public required IReadOnlyList<ManifestDeclaration> Manifests { get; init; }

    /// <summary>
    /// What the evaluation found before generation (items MSBuild dropped, a project without the package): handed to the
    /// pipeline as the build task hands its own, so they come first in the report and in --json.
    /// </summary>
    public required IReadOnlyList<Diagnostic> Findings { get; init; }

    /// <summary>
    /// What the build task asks of the pipeline for this project: its declarations and findings, the "nothing declared"
    /// warning at the project file, the summary line relative to the current folder.
    /// </summary>
    /// <param name="outputPath">Where the artifacts go (not written by <see cref="InitDataPipeline.Prepare"/>).</param>
    public GenerationRequest Request(string outputPath) => new()
    {
        Specification = Specification,
        Manifests = Manifests,
        OutputPath = outputPath,
        DeclaredIn = new SourceLocation(ProjectPath),
        EarlierFindings = Findings,
        SummaryBase = Directory.GetCurrentDirectory(),
    };
}
