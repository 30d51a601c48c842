using Coco.InitData.Artifacts;
using Coco.InitData.Deployment;
using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Manifests;

namespace Coco.InitData.Containers;

/// <summary>
/// The generated set's files that change once the image is pushed: each annotated manifest under <c>k8s/</c> with the
/// image pinned, the Kustomize Component with its <c>images:</c> entry and initdata.json with the image. Read from the
/// set as generation wrote it (the list names the files), so pinning twice, or after another push, starts from the
/// same unpinned files.
/// </summary>
public static class PinnedSet
{
    /// <summary>The pinned files (relative paths, '/'-separated) and how many images they pin, or null after reporting.</summary>
    /// <param name="setFolder">The generated set's folder (<c>$(InitDataOutputPath)</c>).</param>
    /// <param name="image">The pushed image.</param>
    /// <param name="keepTag">True to keep each manifest's tag before the digest.</param>
    /// <param name="diagnostics">Where findings go.</param>
    /// <param name="bookkeeping">Where the set's list is (the build's obj/); null for the folder itself.</param>
    public static (IReadOnlyList<ArtifactFile> Files, int Pinned)? Build(string setFolder, PushedImage image, bool keepTag, DiagnosticBag diagnostics, SetBookkeeping? bookkeeping = null)
    {
        var root = Path.GetFullPath(setFolder);
        var listed = SetList.ListedFiles(root, diagnostics, bookkeeping);
        if (listed is null)
        {
            return null;
        }

        if (listed.Count == 0)
        {
            diagnostics.Warning(MessageId.PinNoGeneratedSet, new SourceLocation(root), image, root);
            return (Array.Empty<ArtifactFile>(), 0);
        }

        var files = new List<ArtifactFile>();
        var pinned = 0;
        var manifests = 0;
        foreach (var full in listed)
        {
            var relative = SetList.Relative(root, full);
            if (!InputFiles.TryReadBytes(full, full, "generated file", new SourceLocation(full), ManifestArtifacts.MaxManifestBytes, diagnostics, out var bytes))
            {
                return null;
            }

            if (relative.StartsWith(ManifestArtifacts.Folder + "/", StringComparison.Ordinal))
            {
                manifests++;
                if (ImagePinner.Pin(bytes, full, image, keepTag, diagnostics) is not { } result)
                {
                    return null;
                }

                pinned += result.Pinned;
                files.Add(new ArtifactFile(relative, result.Content));
            }
            else if (relative == KustomizeComponent.RelativePath)
            {
                files.Add(new ArtifactFile(relative, PushedImageRecord.AddToKustomizeComponent(bytes, image)));
            }
            else if (relative == InitDataArtifacts.ManifestFileName)
            {
                files.Add(new ArtifactFile(relative, PushedImageRecord.AddToManifestJson(bytes, image)));
            }
        }

        if (manifests > 0 && pinned == 0)
        {
            diagnostics.Warning(MessageId.PinNoContainer, new SourceLocation(Path.Combine(root, ManifestArtifacts.Folder)), image.Repository, manifests, image);
        }

        return (files, pinned);
    }

    /// <summary>
    /// Writes the pinned files into <paramref name="pinnedFolder"/> at once (adding to the folder, as <c>annotate -o</c>
    /// does), each dated two seconds before its unpinned source: publish copies a set file only when its source is
    /// newer, so the next publish puts the unpinned file back and a publish that pushes nothing never leaves an old
    /// digest in place. Returns the full paths written, or null after reporting.
    /// </summary>
    public static IReadOnlyList<string>? Write(string pinnedFolder, string setFolder, IReadOnlyList<ArtifactFile> files, DiagnosticBag diagnostics)
    {
        var written = ArtifactWriter.Write(pinnedFolder, files, diagnostics, ownsFolder: false);
        if (written is null)
        {
            return null;
        }

        var root = Path.GetFullPath(setFolder);
        foreach (var (file, path) in files.Zip(written))
        {
            var source = Path.Combine(root, file.RelativePath);
            if (File.Exists(source) && !string.Equals(Path.GetFullPath(source), path, StringComparison.Ordinal))
            {
                File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(source).AddSeconds(-2));
            }
        }

        return written;
    }
}
