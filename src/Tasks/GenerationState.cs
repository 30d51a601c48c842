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
    /// removed, the stamp written last, the project's stamps of earlier settings removed, and this project's files taken
    /// out of the SDK's list of files written
    /// (<paramref name="cleanFile"/>, FileListAbsolute.txt beside the stamp; earlier versions of the package listed them, and
    /// IncrementalClean would delete what that list names and this build does not). False after reporting a failure
    /// (the artifacts are written already).
    /// </summary>
    public static bool Write(string stampPath, string? digest, string outputFolder, string cleanFile, DiagnosticBag diagnostics)
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
                File.WriteAllBytes(marker, Array.Empty<byte>());
            }
            else
            {
                File.Delete(marker);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(marker), marker, e.Message);
            return false;
        }

        if (cleanFile.Length > 0)
        {
            ForgetFileWrites(Path.Combine(folder, cleanFile), prefix, Path.GetFullPath(outputFolder));
        }

        LeaveEarlierFolder(prefix, outputFolder);

        if (!ArtifactWriter.WriteFile(stamp, Render(digest), diagnostics))
        {
            return false;
        }

        RemoveEarlierFiles(prefix, stamp);
        return true;
    }

    // Every other stamp of the project is of settings it no longer has; the state file of earlier versions is no
    // longer read. Best effort: one left behind only costs its few bytes (dotnet clean takes the stamps).
    private static void RemoveEarlierFiles(string prefix, string currentStamp)
    {
        try
        {
            var folder = Path.GetDirectoryName(currentStamp)!;
            var namePrefix = Path.GetFileName(prefix);
            foreach (var stamp in Directory.EnumerateFiles(folder, namePrefix + "*" + StampExtension))
            {
                if (!string.Equals(stamp, currentStamp, StringComparison.Ordinal))
                {
                    File.Delete(stamp);
                }
            }

            File.Delete(prefix + "state.props");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Kept: the current stamp is written, which is all the next build needs.
        }
    }

    // InitDataOutputPath moved since the last generation: the set in the folder it left goes (ArtifactWriter.RemoveSet:
    // only the files that set's list names; anyone else's files stay), as dotnet clean would remove it. Best effort: a set
    // that cannot be removed stays where it is, which is all a build without this record would do.
    private static void LeaveEarlierFolder(string prefix, string outputFolder)
    {
        var record = prefix + OutputFolderRecord;
        var current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        try
        {
            var earlier = File.Exists(record) ? File.ReadAllText(record) : null;
            if (string.Equals(earlier, current, comparison))
            {
                return;
            }

            if (earlier is not null && Path.IsPathFullyQualified(earlier))
            {
                ArtifactWriter.RemoveSet(earlier, new DiagnosticBag());
            }

            File.WriteAllText(record, current);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Kept: the new set is written; the old one stays until someone removes it.
        }
    }

    // FileListAbsolute.txt (one full path per line) without this project's files: the artifacts in the output folder and
    // the state files. Rewritten only when it names one of them, through a temporary file and a rename. Best effort: a
    // line left makes IncrementalClean delete that file, and the next build generates it again.
    private static void ForgetFileWrites(string listPath, string prefix, string outputFolder)
    {
        try
        {
            if (!File.Exists(listPath))
            {
                return;
            }

            var folder = Path.TrimEndingDirectorySeparator(outputFolder) + Path.DirectorySeparatorChar;
            var lines = File.ReadAllLines(listPath);
            var kept = lines.Where(line => !line.StartsWith(folder, StringComparison.Ordinal) && !line.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (kept.Count == lines.Length)
            {
                return;
            }

            var temporary = listPath + ".tmp";
            File.WriteAllLines(temporary, kept);
            File.Move(temporary, listPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // See above: the cost of a line left is one more generation.
        }
    }
}
