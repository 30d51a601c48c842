using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Generation;

/// <summary>A generation that has run but written nothing yet (<see cref="InitDataPipeline.Prepare"/>).</summary>
public sealed class PreparedGeneration
{
    private readonly GenerationRequest _request;
    private readonly DiagnosticBag _diagnostics;
    private readonly InitDataArtifacts? _artifacts;
    private readonly IReadOnlyList<ArtifactFile>? _manifests;
    private readonly IReadOnlyList<string> _filesRead;

    internal PreparedGeneration(GenerationRequest request, DiagnosticBag diagnostics, InitDataArtifacts? artifacts, IReadOnlyList<ArtifactFile>? manifests, IReadOnlyList<string> filesRead)
    {
        _request = request;
        _diagnostics = diagnostics;
        _artifacts = artifacts;
        _manifests = manifests;
        _filesRead = filesRead;
    }

    /// <summary>The generated artifacts; null when nothing was declared or an error stopped generation.</summary>
    public InitDataArtifacts? Artifacts => _artifacts;

    /// <summary>The findings so far.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics.Items;

    /// <summary>
    /// Writes every artifact, or nothing when an error was found. With nothing declared the set is empty: the files of
    /// an earlier generation go, so that no stale initdata is left to deploy.
    /// </summary>
    public GenerationOutcome Write()
    {
        var written = _diagnostics.HasErrors ? null
            : _artifacts is { } artifacts && _manifests is { } manifests ? ArtifactWriter.Write(_request.OutputPath, artifacts.Files.Concat(manifests).ToList(), _diagnostics, ownsFolder: true, _request.Bookkeeping)
            : _request.Specification.DeclaresNothing ? ArtifactWriter.RemoveSet(_request.OutputPath, _diagnostics, _request.Bookkeeping)
            : null;
        var summary = written is [var document, ..] ? Summary(_artifacts!, SummaryPath(_request.SummaryBase ?? _request.Specification.BaseDirectory, document)) : null;
        return new GenerationOutcome(_diagnostics.Items, _artifacts, written, _filesRead, summary);
    }

    // Relative to the project (the tool: the current folder) when the output is inside it, as the build shows bin/...; a full
    // path otherwise, never a climb of '../../..'.
    private static string SummaryPath(string baseDirectory, string document)
    {
        var relative = InputFiles.DisplayPath(baseDirectory, document);
        return relative.StartsWith("../", StringComparison.Ordinal) ? document : relative;
    }

    private static string Summary(InitDataArtifacts artifacts, string documentPath)
    {
        var registries = artifacts.Registries.Count;
        var certificates = artifacts.ExtraRootCertificates.Count + (artifacts.KbsCertificate is null ? 0 : 1);
        return $"InitData: {registries} {(registries == 1 ? "registry" : "registries")}, {certificates} {(certificates == 1 ? "certificate" : "certificates")}"
            + $" -> {documentPath} {artifacts.Measurements.DigestText}";
    }
}
