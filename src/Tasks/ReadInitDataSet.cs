using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Measurements;
using Microsoft.Build.Framework;

namespace Coco.InitData.Tasks;

/// <summary>
/// What the output folder holds when generation was skipped, for publish, clean and the GenerateInitData target: the
/// files of the set's list that are still safe to copy or delete (below the folder, reached without a link, regular
/// files), and the digest of the document on disk. The list is read by the engine's checks, never by the targets: a
/// list from a restored cache can name any path.
/// </summary>
public sealed class ReadInitDataSet : Microsoft.Build.Utilities.Task
{
    // Far above any document an annotation can carry (256 KiB for all of a pod's annotations): only a bound on the read.
    private const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>The output folder (<c>$(InitDataOutputPath)</c>).</summary>
    [Required]
    public string OutputPath { get; set; } = string.Empty;

    /// <summary>What this project's InitData files in obj/ start with (<c>$(_InitDataFilePrefix)</c>): the set's list is there.</summary>
    [Required]
    public string StateFilePrefix { get; set; } = string.Empty;

    /// <summary>The digest algorithm (<c>$(InitDataAlgorithm)</c>).</summary>
    public string Algorithm { get; set; } = string.Empty;

    /// <summary>
    /// The digest of the folder's <c>initdata.toml</c> as it is on disk (<c>sha256:5fbb...</c>), whoever wrote it; empty
    /// when the set has no document.
    /// </summary>
    [Output]
    public string Digest { get; set; } = string.Empty;

    /// <summary>The set's files, full paths escaped as item specs.</summary>
    [Output]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public override bool Execute()
    {
        var diagnostics = new DiagnosticBag();
        var files = SetList.ListedFiles(OutputPath, diagnostics, SetBookkeeping.WithPrefix(StateFilePrefix)) ?? Array.Empty<string>();
        Files = files.Select(ItemSpecs.ForFile).ToArray();
        var document = Path.Combine(Path.GetFullPath(OutputPath), InitDataArtifacts.DocumentFileName);
        if (DigestAlgorithm.FromName(Algorithm) is { } algorithm && files.Contains(document, StringComparer.Ordinal)
            && InputFiles.TryReadBytes(document, document, "initdata document", new SourceLocation(document), MaxDocumentBytes, diagnostics, out var bytes))
        {
            Digest = algorithm.Label(bytes);
        }

        foreach (var diagnostic in diagnostics.Items)
        {
            DiagnosticLogger.Log(Log, diagnostic);
        }

        return !Log.HasLoggedErrors;
    }
}
