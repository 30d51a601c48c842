using System.Text;
using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tasks;

/// <summary>
/// What the next build compares with, in the project's intermediate folder, all named
/// <c>&lt;project&gt;.initdata.*</c> (the targets' <c>$(_InitDataFilePrefix)</c>):
/// <list type="bullet">
/// <item>the stamp (<c>&lt;project&gt;.initdata.stamp</c>), the generation target's output, touched after a successful
/// generation; its inputs include <c>&lt;project&gt;.initdata.inputs.cache</c>, the hash of every setting and item, which
/// the targets rewrite only when it changes (MSBuild's <c>CoreCompileInputs.cache</c> pattern);</item>
/// <item><c>&lt;project&gt;.initdata.none</c>, an empty marker while the last generation wrote nothing (nothing declared):
/// the build hook's condition looks for it, so such a project runs no InitData target at all. Not in FileWrites: a
/// build that runs no target lists nothing, and IncrementalClean would then delete it;</item>
/// <item><c>&lt;project&gt;.initdata.folder</c>, the output folder of the last generation: when it moves, the set left in
/// the old folder is removed (only below the project: obj/ may come from a cache).</item>
/// </list>
/// Written by the task after a successful generation only, the stamp last: a failed or interrupted run leaves the stamp
/// older than its inputs, and the next build generates again.
/// </summary>
internal static class GenerationState
{
    /// <summary>The marker's name after the project's prefix.</summary>
    public const string NothingWrittenMarker = "none";

    /// <summary>The name, after the project's prefix, of the record of the output folder the last generation wrote to.</summary>
    public const string OutputFolderRecord = "folder";

    // What every file of a project's state starts with after the project's name.
    private const string PrefixEnd = ".initdata.";

    /// <summary>
    /// Records a successful generation: the "nothing written" marker set or removed, the set of an earlier output folder
    /// removed, the warnings kept, and the stamp written last (empty: its date is what counts). False after reporting a
    /// failure (the artifacts are written already). Every file is written by a temporary file and a rename, and an
    /// entry that is a link or not a regular file is refused (CID3073/CID3074), never written through.
    /// </summary>
    public static bool Write(string stampPath, string? digest, string outputFolder, string projectDirectory, DiagnosticBag diagnostics)
        => Write(stampPath, digest, outputFolder, projectDirectory, Array.Empty<Diagnostic>(), diagnostics);

    /// <summary>As above, with the generation's findings: its warnings are kept beside the stamp (<see cref="RecordedWarnings"/>).</summary>
    public static bool Write(string stampPath, string? digest, string outputFolder, string projectDirectory, IReadOnlyList<Diagnostic> findings, DiagnosticBag diagnostics)
    {
        var stamp = Path.GetFullPath(stampPath);
        var folder = Path.GetDirectoryName(stamp)!;
        var name = Path.GetFileName(stamp);
        var prefix = Path.Combine(folder, name[..(name.LastIndexOf(PrefixEnd, StringComparison.Ordinal) + PrefixEnd.Length)]);
        var marker = prefix + NothingWrittenMarker;
        try
        {
            // obj/ may not exist yet when the artifacts go elsewhere (the first build of a project with no compile step).
            Directory.CreateDirectory(folder);
            if (digest is null)
            {
                if (!ArtifactWriter.WriteFile(marker, Array.Empty<byte>(), diagnostics))
                {
                    return false;
                }
            }
            else
            {
                ArtifactWriter.TryDelete(marker);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(folder), folder, e.Message);
            return false;
        }

        LeaveEarlierFolder(prefix, outputFolder, projectDirectory);

        return RecordedWarnings.Write(stamp, findings, diagnostics) && ArtifactWriter.WriteFile(stamp, Array.Empty<byte>(), diagnostics);
    }

    // InitDataOutputPath moved since the last generation: the set in the folder it left goes (ArtifactWriter.RemoveSet:
    // only the files that set's list names; anyone else's files stay), as dotnet clean would remove it. Only a folder
    // inside the project's own folder: the record lives in obj/, which a restored cache can fill with any path. Best
    // effort: a set that cannot be removed stays where it is, which is all a build without this record would do.
    private static void LeaveEarlierFolder(string prefix, string outputFolder, string projectDirectory)
    {
        var record = prefix + OutputFolderRecord;
        var current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        try
        {
            var earlier = SetJournal.ReadLines(Path.GetDirectoryName(record)!, record) is [var line] ? line : null;
            if (string.Equals(earlier, current, comparison))
            {
                return;
            }

            if (earlier is not null && Path.IsPathFullyQualified(earlier) && string.Equals(Path.GetFullPath(earlier), earlier, StringComparison.Ordinal)
                && ContainedPath.IsBelow(Path.GetFullPath(projectDirectory), earlier))
            {
                ArtifactWriter.RemoveSet(earlier, new DiagnosticBag());
            }

            ArtifactWriter.WriteFile(record, Encoding.UTF8.GetBytes(current), new DiagnosticBag());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Kept: the new set is written; the old one stays until someone removes it.
        }
    }
}
