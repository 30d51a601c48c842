namespace Coco.InitData.Artifacts;

/// <summary>
/// Where a set's own files live, apart from the artifacts: the list of the files it wrote, the lock that keeps one
/// writer at a time, and the commit journal of a set being switched. The build keeps them in obj/ beside its other
/// state (<see cref="WithPrefix"/>), so the deployable folder holds the artifacts alone; the tool has no obj/ and keeps
/// them in the output folder (<see cref="InOutputFolder"/>), as hidden files. Every write, repair and removal of a set
/// takes one, so it also carries how long to wait for the lock and, for the crash tests, who is told each step.
/// </summary>
/// <param name="Folder">The folder the three files are in: every check of a bookkeeping path is made below it.</param>
/// <param name="List">The files of the current set, one '/'-separated path relative to the output folder per line.</param>
/// <param name="Lock">The lock file; it stays while a writer may hold it.</param>
/// <param name="Journal">The commit record; present only during a write or after an interrupted one.</param>
/// <param name="RecordsRoot">
/// True when the files are outside the output folder: the list then starts with the folder it describes
/// (<c>root&#9;PATH</c>), so a list of another folder is never pruned against this one, and a moved output folder is
/// known (the build removes the set it left).
/// </param>
public sealed record SetBookkeeping(string Folder, string List, string Lock, string Journal, bool RecordsRoot)
{
    /// <summary>The in-folder names (the tool's).</summary>
    internal const string ListFileName = ".coco-initdata.files";

    /// <summary>The lock in a folder of the tool's.</summary>
    internal const string LockFileName = ".coco-initdata.lock";

    /// <summary>The journal in a folder of the tool's.</summary>
    internal const string JournalFileName = ".coco-initdata.journal";

    /// <summary>Hidden files in the output folder itself: for a writer without a folder of its own state (the tool).</summary>
    internal static SetBookkeeping InOutputFolder(string root) =>
        new(root, Path.Combine(root, ListFileName), Path.Combine(root, LockFileName), Path.Combine(root, JournalFileName), RecordsRoot: false);

    /// <summary>Files named <c>PREFIX</c> + files, lock, journal (the build's <c>obj/&lt;project&gt;.initdata.</c>).</summary>
    public static SetBookkeeping WithPrefix(string prefix)
    {
        var full = Path.GetFullPath(prefix);
        return new(Path.GetDirectoryName(full)!, full + "files", full + "lock", full + "journal", RecordsRoot: true);
    }

    /// <summary>How long a writer waits for another one to release the lock (CID3070 after it).</summary>
    internal TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Told each step of a write as it begins ("stage:PATH", "commit", "rename:PATH", "prune", "list"); an exception
    /// thrown here stops the write there as a full disk or a killed process would. Null for every real writer; the
    /// crash-consistency tests pass it instead of faking a file system.
    /// </summary>
    internal Action<string>? AtStep { get; init; }

    /// <summary>The line that names the output folder a list describes, for <see cref="RecordsRoot"/>.</summary>
    internal static string RootLine(string root) => "root\t" + Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
}
