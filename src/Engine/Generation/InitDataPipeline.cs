using Coco.InitData.Diagnostics;
using Coco.InitData.Manifests;

namespace Coco.InitData.Generation;

/// <summary>
/// The one way from declarations to files on disk, for the build task and the tool alike: generate, annotate the
/// manifests, write everything or nothing, and say what was read and written. The front ends only adapt their inputs
/// and report the outcome.
/// </summary>
public static class InitDataPipeline
{
    /// <summary>Generates and writes; writes nothing when any error is found.</summary>
    public static GenerationOutcome Run(GenerationRequest request) => Prepare(request).Write();

    /// <summary>
    /// Generates without writing. The build task uses the two halves apart: when a finding points into a project file
    /// it prepares again from located declarations (generation is deterministic) and writes once.
    /// </summary>
    public static PreparedGeneration Prepare(GenerationRequest request)
    {
        var spec = request.Specification;
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(request.EarlierFindings);
        using var reads = InputFileLog.Begin();
        if (spec.DeclaresNothing)
        {
            // A warning that names what was expected, and no empty document; Write removes an earlier generation's files.
            diagnostics.Warning(MessageId.NothingDeclared, request.DeclaredIn);
            return new PreparedGeneration(request, diagnostics, null, null, reads.Files);
        }

        var result = InitDataGenerator.Generate(spec);
        diagnostics.AddRange(result.Diagnostics);
        var k8s = result.Artifacts is { } artifacts && !diagnostics.HasErrors
            ? ManifestArtifacts.Build(request.Manifests, spec.BaseDirectory, artifacts.AnnotationName, artifacts.Annotation, diagnostics)
            : null;
        return new PreparedGeneration(request, diagnostics, result.Artifacts, k8s, reads.Files);
    }
}
