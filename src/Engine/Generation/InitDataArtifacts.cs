using Coco.InitData.Artifacts;
using Coco.InitData.Certificates;
using Coco.InitData.Documents;
using Coco.InitData.Measurements;
using Coco.InitData.Registries;

namespace Coco.InitData.Generation;

/// <summary>Everything one generation produced, in memory: the document, its transport and measurements, and the files to write.</summary>
public sealed class InitDataArtifacts
{
    // The engine makes these; a front end only reads them.
    internal InitDataArtifacts()
    {
    }

    /// <summary>The file name of the document.</summary>
    public const string DocumentFileName = "initdata.toml";

    /// <summary>The file name of the annotation value.</summary>
    internal const string AnnotationFileName = "initdata.annotation";

    /// <summary>The file name of the JSON manifest.</summary>
    internal const string ManifestFileName = "initdata.json";

    /// <summary>The document.</summary>
    public required InitDataDocument Document { get; init; }

    /// <summary>The exact bytes that are hashed.</summary>
    public required byte[] DocumentBytes { get; init; }

    /// <summary>The annotation value.</summary>
    public required string Annotation { get; init; }

    /// <summary>The annotation key.</summary>
    public required string AnnotationName { get; init; }

    /// <summary>Digest and per-TEE values.</summary>
    public required TeeMeasurements Measurements { get; init; }

    /// <summary>The registries as resolved.</summary>
    public required IReadOnlyList<ResolvedRegistry> Registries { get; init; }

    /// <summary>The certificates embedded in <c>extra_root_certificates</c>, deduplicated, in order.</summary>
    public required IReadOnlyList<LoadedCertificate> ExtraRootCertificates { get; init; }

    /// <summary>The KBS root, when given.</summary>
    public LoadedCertificate? KbsCertificate { get; init; }

    /// <summary>Each certificate's verdict per stack, as initdata.json has them.</summary>
    public CertificateVerdicts Verdicts { get; init; } = new();

    /// <summary>The instant, profiles and thresholds the certificates were judged with (the settings, or now).</summary>
    public required ValidationOptions Validation { get; init; }

    /// <summary>The files to write, document first.</summary>
    public required IReadOnlyList<ArtifactFile> Files { get; init; }
}
