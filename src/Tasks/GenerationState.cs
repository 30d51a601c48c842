using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tasks;

/// <summary>
/// What the next build compares with, in the project's intermediate folder, all named
/// <c>&lt;project&gt;.initdata.*</c> (the targets' <c>$(_InitDataFilePrefix)</c>):
/// <list type="bullet">
/// <item>the stamp (<c>stamp</c>), the generation target's output, written after a successful generation;</item>
/// <item>the inputs cache (<c>&lt;hash&gt;.inputs.cache</c>), one of the generation target's inputs, named by the hash
/// of every setting and item (MSBuild's <c>CoreCompileInputs.cache</c> pattern, without reading the file back). Written
/// with the stamp, so a build with other inputs names a cache that does not exist, which MSBuild's up-to-date check
/// reads as out of date: a build with nothing to do pays nothing for it beyond the check it makes of every input;</item>
/// <item>the set's bookkeeping (<see cref="SetBookkeeping.WithPrefix"/>: <c>files</c>, <c>lock</c>, <c>journal</c>): the
/// list names the output folder it describes, so a moved <c>InitDataOutputPath</c> is known;</item>
/// <item><c>none</c>, an empty marker while the last generation wrote nothing (nothing declared): the build hook's
/// condition looks for it, so such a project runs no InitData target at all. Not in FileWrites: a build that runs no
/// target lists nothing, and IncrementalClean would then delete it.</item>
/// </list>
/// Written by the task after a successful generation only, the stamp last: a failed or interrupted run leaves the stamp
/// older than its inputs, and the next build generates again.
/// </summary>
internal static class GenerationState
{
    /// <summary>The marker's name after the project's prefix.</summary>
    public const string NothingWrittenMarker = "none";

    /// <summary>The stamp's name after the project's prefix.</summary>
    public const string StampName = "stamp";

    /// <summary>What an inputs cache's name ends with, after the prefix and the hash.</summary>
    public const string InputsCacheSuffix = ".inputs.cache";

    /// <summary>
    /// Records a successful generation: the "nothing written" marker set or removed, the inputs cache written (those of
    /// earlier inputs removed, so that a return to them generates again), the warnings kept, and the stamp written last
    /// (the cache and the stamp are empty: their names and dates are what count). False after reporting a failure (the
    /// artifacts are written already). Every file is written by a temporary file and a rename, and an entry that is a
    /// link or not a regular file is refused (CID3073/CID3074), never written through.
    /// </summary>
    /// <param name="prefix">The project's prefix in obj/ (<c>obj/&lt;project&gt;.initdata.</c>).</param>
    /// <param name="inputsCache">The inputs cache (the targets' <c>$(_InitDataInputsCache)</c>: the prefix, the hash, <see cref="InputsCacheSuffix"/>); null for none.</param>
    /// <param name="digest">The document's digest; null when nothing was written.</param>
    /// <param name="findings">The generation's warnings, replayed by builds that skip it.</param>
    /// <param name="diagnostics">Where a failure to write is reported.</param>
    public static bool Write(string prefix, string? inputsCache, string? digest, IReadOnlyList<Diagnostic> findings, DiagnosticBag diagnostics)
    {
        var stamp = prefix + StampName;
        var marker = prefix + NothingWrittenMarker;
        var folder = Path.GetDirectoryName(stamp)!;
        try
        {
            // obj/ may not exist yet when the artifacts go elsewhere (the first build of a project with no compile step).
            Directory.CreateDirectory(folder);
            if (digest is null)
            {
                if (!AtomicFile.Write(marker, Array.Empty<byte>(), diagnostics))
                {
                    return false;
                }
            }
            else
            {
                AtomicFile.TryDelete(marker);
            }

            if (inputsCache is not null && !WriteInputsCache(prefix, inputsCache, diagnostics))
            {
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(folder), folder, e.Message);
            return false;
        }

        return RecordedWarnings.Write(stamp, findings, diagnostics) && AtomicFile.Write(stamp, Array.Empty<byte>(), diagnostics);
    }

    // The caches of earlier inputs are this project's other '<prefix>*.inputs.cache' files in the same folder.
    private static bool WriteInputsCache(string prefix, string inputsCache, DiagnosticBag diagnostics)
    {
        var name = Path.GetFileName(inputsCache);
        foreach (var earlier in Directory.EnumerateFiles(Path.GetDirectoryName(prefix)!, Path.GetFileName(prefix) + "*" + InputsCacheSuffix))
        {
            if (!string.Equals(Path.GetFileName(earlier), name, StringComparison.Ordinal))
            {
                AtomicFile.TryDelete(earlier);
            }
        }

        return File.Exists(inputsCache) || AtomicFile.Write(inputsCache, Array.Empty<byte>(), diagnostics);
    }

    /// <summary>
    /// Before a generation writes: when the set's list names another output folder (InitDataOutputPath moved), the set
    /// left there goes (<see cref="ArtifactWriter.RemoveSet"/>: only the files its list names; anyone else's stay), as
    /// dotnet clean would remove it. Only a folder inside the project's own folder: obj/ can come from a cache. Best
    /// effort: a set that cannot be removed stays where it is, and the new set's list then describes the new folder.
    /// </summary>
    public static void LeaveEarlierFolder(SetBookkeeping books, string outputFolder, string projectDirectory)
    {
        var current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        try
        {
            if (SetList.RecordedRoot(books) is { } earlier && !string.Equals(earlier, current, comparison)
                && ContainedPath.IsBelow(Path.GetFullPath(projectDirectory), earlier))
            {
                ArtifactWriter.RemoveSet(earlier, new DiagnosticBag(), books);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UnsafeOutputException)
        {
            // Kept: the new set is written all the same; the old one stays until someone removes it.
        }
    }
}
