using Coco.InitData.Diagnostics;

namespace Coco.InitData.Generation;

/// <summary>What one run of <see cref="InitDataPipeline"/> found, made, wrote and read.</summary>
/// <param name="Diagnostics">Every finding, in order (the front end's earlier findings first).</param>
/// <param name="Artifacts">The generated artifacts; null when nothing was declared or an error stopped generation.</param>
/// <param name="WrittenFiles">
/// Full paths of the files written, the document first; empty when nothing was declared (an earlier generation's files
/// were removed); null when an error stopped the write.
/// </param>
/// <param name="FilesRead">Every input file opened, full paths: what an incremental build watches.</param>
/// <param name="Summary">The one line a front end shows after writing (<c>InitData: 1 registry, ... sha256:...</c>); null when nothing was written.</param>
public sealed record GenerationOutcome(
    IReadOnlyList<Diagnostic> Diagnostics, InitDataArtifacts? Artifacts, IReadOnlyList<string>? WrittenFiles, IReadOnlyList<string> FilesRead, string? Summary)
{
    /// <summary>The document's digest as the build reports it (<c>sha256:5fbb...</c>); null when nothing was written.</summary>
    public string? Digest => WrittenFiles is not null && Artifacts is { } a ? a.Measurements.DigestText : null;
}
