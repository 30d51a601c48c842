using System.Text;
using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tasks;

/// <summary>
/// What the next build compares with, in the project's intermediate folder, all named
/// <c>&lt;project&gt;.initdata.*</c> (the targets' <c>$(_InitDataFilePrefix)</c>):
/// <list type="bullet">
/// <item>the stamp, named by the targets' hash of every setting (<c>&lt;project&gt;.initdata.&lt;hash&gt;.stamp</c>): one of
/// the generation target's outputs, so a change of settings is a missing output. It holds the digest, which the
/// GenerateInitData target reads when the generation was skipped (the files written are the set's own list, in the
/// output folder);</item>
/// <item><c>&lt;project&gt;.initdata.none</c>, an empty marker while the last generation wrote nothing (nothing declared):
/// the build hook's condition looks for it, so such a project runs no InitData target at all;</item>
/// <item><c>&lt;project&gt;.initdata.folder</c>, the output folder of the last generation: when it moves, the set left in
/// the old folder is removed.</item>
/// </list>
/// Written by the task after a successful generation only, the stamp last: a failed or interrupted run leaves no stamp
/// for its settings, and the next build generates again. Nothing is imported at evaluation and nothing is listed in
/// <c>FileWrites</c>: an evaluation-time import costs every build of the project, and <c>FileWrites</c> that only a
/// generating build lists are deleted by the next build's <c>IncrementalClean</c>.
/// </summary>
internal static class GenerationState
{
    /// <summary>What a stamp's name ends with.</summary>
    public const string StampExtension = ".stamp";

    /// <summary>The marker's name after the project's prefix.</summary>
    public const string NothingWrittenMarker = "none";

    /// <summary>The name, after the project's prefix, of the record of the output folder the last generation wrote to.</summary>
    public const string OutputFolderRecord = "folder";

    // What every file of a project's state starts with after the project's name; the hash never holds it.
    private const string PrefixEnd = ".initdata.";

    /// <summary>
    /// The stamp's content: the digest, UTF-8 without BOM and without a line end (the targets read it whole into
    /// <c>$(InitDataDigest)</c>); empty when nothing was written.
    /// </summary>
    public static byte[] Render(string? digest) => Encoding.UTF8.GetBytes(digest ?? string.Empty);

    /// <summary>
    /// Records a successful generation: the "nothing written" marker set or removed, the set of an earlier output folder
    /// removed, the stamp written last, and the project's stamps of earlier settings removed. False after reporting a
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

        if (!RecordedWarnings.Write(stamp, findings, diagnostics) || !ArtifactWriter.WriteFile(stamp, Render(digest), diagnostics))
        {
            return false;
        }

        RemoveEarlierStamps(prefix, stamp);
        return true;
    }

    // Every other stamp of the project is of settings it no longer has. Best effort: one left behind only costs its few
    // bytes (dotnet clean takes the stamps).
    private static void RemoveEarlierStamps(string prefix, string currentStamp)
    {
        try
        {
            var folder = Path.GetDirectoryName(currentStamp)!;
            var namePrefix = Path.GetFileName(prefix);
            foreach (var stamp in Directory.EnumerateFiles(folder, namePrefix + "*" + StampExtension))
            {
                if (!string.Equals(stamp, currentStamp, StringComparison.Ordinal))
                {
                    ArtifactWriter.TryDelete(stamp);
                    ArtifactWriter.TryDelete(RecordedWarnings.PathFor(stamp));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Kept: the current stamp is written, which is all the next build needs.
        }
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
