using Coco.InitData.Artifacts;
using Coco.InitData.Containers;
using Coco.InitData.Diagnostics;
using Microsoft.Build.Framework;

namespace Coco.InitData.Tasks;

/// <summary>
/// After the SDK's <c>PublishContainer</c>: pins the pushed image in the generated set's annotated manifests, adds it to
/// the Kustomize Component and initdata.json, and writes those files into the publish folder's copy of the set. A
/// publish that pushed nothing (a tarball, a local daemon) pins nothing and says why.
/// </summary>
public sealed class PinInitDataImages : Microsoft.Build.Utilities.Task
{
    /// <summary>The generated set (<c>$(InitDataOutputPath)</c>), read as generation wrote it.</summary>
    [Required]
    public string OutputPath { get; set; } = string.Empty;

    /// <summary>Where the pinned files go (<c>$(InitDataPinnedOutputPath)</c>, the publish folder's <c>initdata/</c>).</summary>
    [Required]
    public string PinnedOutputPath { get; set; } = string.Empty;

    /// <summary>What this project's InitData files in obj/ start with (<c>$(_InitDataFilePrefix)</c>): the set's list is there.</summary>
    public string StateFilePrefix { get; set; } = string.Empty;

    /// <summary><c>$(ContainerRegistry)</c>: empty when the image went to a local daemon.</summary>
    public string ContainerRegistry { get; set; } = string.Empty;

    /// <summary><c>$(ContainerRepository)</c>.</summary>
    public string ContainerRepository { get; set; } = string.Empty;

    /// <summary><c>$(ContainerArchiveOutputPath)</c>: set when the image went to a tarball.</summary>
    public string ContainerArchiveOutputPath { get; set; } = string.Empty;

    /// <summary><c>$(GeneratedContainerDigest)</c>: the pushed manifest's digest, for one runtime.</summary>
    public string Digest { get; set; } = string.Empty;

    /// <summary><c>$(GeneratedImageIndex)</c>: the pushed index (several runtimes); its digest is pinned when set.</summary>
    public string ImageIndex { get; set; } = string.Empty;

    /// <summary>True to write <c>repository:tag@digest</c> where a manifest had a tag (<c>$(InitDataPinKeepTag)</c>).</summary>
    public bool KeepTag { get; set; }

    /// <summary>The pinned files written.</summary>
    [Output]
    public ITaskItem[] PinnedFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public override bool Execute()
    {
        var diagnostics = new DiagnosticBag();
        Pin(diagnostics);
        foreach (var diagnostic in diagnostics.Items)
        {
            DiagnosticLogger.Log(Log, diagnostic);
        }

        return !Log.HasLoggedErrors;
    }

    private void Pin(DiagnosticBag diagnostics)
    {
        if (ContainerArchiveOutputPath.Length > 0 || ContainerRegistry.Length == 0)
        {
            var why = ContainerArchiveOutputPath.Length > 0
                ? $"ContainerArchiveOutputPath wrote it to the tarball '{ContainerArchiveOutputPath}'"
                : "ContainerRegistry is empty, so it went to the local container daemon";
            diagnostics.Note(MessageId.PinNothingPushed, SourceLocation.None, why);
            return;
        }

        var digest = ImageIndex.Length > 0 ? PushedImage.IndexDigest(ImageIndex) : Digest;
        if (PushedImage.Create(ContainerRegistry + "/" + ContainerRepository, digest, out var problem) is not { } image)
        {
            diagnostics.Error(MessageId.PinInputInvalid, SourceLocation.None, problem);
            return;
        }

        if (PinnedSet.Build(OutputPath, image, KeepTag, diagnostics, StateFilePrefix.Length > 0 ? SetBookkeeping.WithPrefix(StateFilePrefix) : null) is not { Files.Count: > 0 } pinned
            || PinnedSet.Write(PinnedOutputPath, OutputPath, pinned.Files, diagnostics) is not { } written)
        {
            return;
        }

        PinnedFiles = written.Select(ItemSpecs.ForFile).ToArray();
        diagnostics.Note(MessageId.PinnedImages, SourceLocation.None, pinned.Pinned, image, Path.GetFullPath(PinnedOutputPath));
    }
}
