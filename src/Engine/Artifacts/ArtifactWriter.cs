using System.Text;
using System.Text.RegularExpressions;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Artifacts;

/// <summary>
/// Writes a set of artifacts so that it switches at once, for builds and tool runs alike:
/// <list type="number">
/// <item>one writer per folder: an exclusive lock on <see cref="LockFileName"/> (released by the OS when a process dies);</item>
/// <item>the next run first completes an interrupted set (<see cref="JournalFileName"/>) and removes stale temporary files;</item>
/// <item>every file is written to a temporary name beside its target; a failure there (a full disk) deletes them and
/// changes nothing;</item>
/// <item>the journal, naming every rename, is put in place with one rename: from then on the set is committed and a kill
/// is completed by the next run; the renames follow, then stale files of the previous set are pruned and the list of
/// files written (<see cref="ListFileName"/>) is recorded; the journal goes last.</item>
/// </list>
/// </summary>
internal partial class ArtifactWriter
{
    /// <summary>The generated folder of node-side files, pruned of files the current generation did not write.</summary>
    public const string NodeFilesFolder = "containerd/certs.d";

    /// <summary>The lock file in the output folder; it stays (deleting a lock file would let two writers in).</summary>
    public const string LockFileName = ".coco-initdata.lock";

    /// <summary>The commit record of a set being switched; present only during a write or after an interrupted one.</summary>
    public const string JournalFileName = ".coco-initdata.journal";

    /// <summary>
    /// The files of the current set, one '/'-separated path relative to the folder per line: what the build publishes and
    /// cleans, and what the next run prunes when a file is no longer generated. Absent while a set is being switched,
    /// and after an empty set (<see cref="RemoveSet"/>).
    /// </summary>
    public const string ListFileName = ".coco-initdata.files";

    /// <summary>How long a writer waits for another one to finish.</summary>
    internal static TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Tests only: called at each step of a write ("stage:PATH", "commit", "rename:PATH", "prune", "list"), to fail or "kill" it there.</summary>
    internal static AsyncLocal<Action<string>?> FaultInjection { get; } = new();

    /// <summary>
    /// Writes the files under <paramref name="outputDirectory"/> as one set; returns their full paths, or null after
    /// reporting (CID3003, CID3070) with nothing changed.
    /// </summary>
    /// <param name="outputDirectory">The folder.</param>
    /// <param name="files">The set.</param>
    /// <param name="diagnostics">Where findings go.</param>
    /// <param name="ownsFolder">
    /// True for the generated folder (the build's InitDataOutputPath, <c>generate -o</c>): files of the previous set that
    /// are not in this one are removed and the list is recorded. False to add files to a folder (<c>annotate -o</c>).
    /// </param>
    public static IReadOnlyList<string>? Write(string outputDirectory, IReadOnlyList<ArtifactFile> files, DiagnosticBag diagnostics, bool ownsFolder = true)
    {
        var root = Path.GetFullPath(outputDirectory);
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(root), root, e.Message);
            return null;
        }

        using var folderLock = AcquireLock(root, diagnostics);
        if (folderLock is null)
        {
            return null;
        }

        try
        {
            Recover(root, diagnostics, ownsFolder);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(root), Path.Combine(root, JournalFileName), e.Message);
            return null;
        }

        var run = Guid.NewGuid().ToString("N");
        var moves = new List<(string Temp, string Target)>();
        try
        {
            foreach (var file in files)
            {
                var target = Resolve(root, file.RelativePath) ?? throw new ArgumentException($"'{file.RelativePath}' is outside the output folder");
                Fault("stage:" + file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var temp = target + "." + run + ".tmp";
                moves.Add((temp, target));
                WriteNew(temp, file.Content);
            }

            var previous = ownsFolder ? ReadList(root) : new List<string>();
            var journal = new StringBuilder();
            foreach (var (temp, target) in moves)
            {
                journal.Append("move\t").Append(Relative(root, temp)).Append('\t').Append(Relative(root, target)).Append('\n');
            }

            if (ownsFolder)
            {
                // Marks the set as the folder's own even when it is empty (nothing declared any more): the previous set
                // is then pruned and its list removed.
                journal.Append("own\n");
                foreach (var file in files)
                {
                    journal.Append("keep\t").Append(file.RelativePath).Append('\n');
                }

                foreach (var old in previous)
                {
                    journal.Append("prune\t").Append(old).Append('\n');
                }
            }

            var journalTemp = Path.Combine(root, JournalFileName + "." + run + ".tmp");
            moves.Add((journalTemp, string.Empty));
            WriteNew(journalTemp, Encoding.UTF8.GetBytes(journal.ToString()));
            Fault("commit");
            File.Move(journalTemp, Path.Combine(root, JournalFileName), overwrite: true);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            // Nothing is committed yet: the previous set is untouched.
            foreach (var (temp, _) in moves)
            {
                TryDelete(temp);
            }

            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(root), root, e.Message);
            return null;
        }

        // Committed: from here a failure is completed by the next run (Recover), so it is reported but nothing is undone.
        try
        {
            Complete(root, diagnostics: null);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(root), root, e.Message + " (the next run completes the write)");
            return null;
        }

        return moves.Where(m => m.Target.Length > 0).Select(m => m.Target).ToList();
    }

    /// <summary>
    /// Writes one file through a temporary file and one rename: a failure before the rename leaves the previous file as
    /// it was. Not durable (no fsync), and the rename is atomic only where the file system makes it so (POSIX, NTFS).
    /// With <paramref name="lastWriteTimeUtc"/>, the file appears with that date already (it is set before the rename).
    /// </summary>
    public static bool WriteFile(string path, byte[] content, DiagnosticBag diagnostics, DateTime? lastWriteTimeUtc = null)
    {
        var full = Path.GetFullPath(path);
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Fault("stage:" + Path.GetFileName(full));
            WriteNew(temp, content);
            if (lastWriteTimeUtc is { } date)
            {
                File.SetLastWriteTimeUtc(temp, date);
            }

            File.Move(temp, full, overwrite: true);
            return true;
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            TryDelete(temp);
            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(full), full, e.Message);
            return false;
        }
    }

    /// <summary>Under the folder's lock, completes an interrupted set and removes stale temporary files; false after reporting.</summary>
    public static bool Repair(string outputDirectory, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(outputDirectory);
        if (!Directory.Exists(root))
        {
            return true;
        }

        using var folderLock = AcquireLock(root, diagnostics);
        if (folderLock is null)
        {
            return false;
        }

        try
        {
            Recover(root, diagnostics, wholeTree: true);
            return true;
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(root), Path.Combine(root, JournalFileName), e.Message);
            return false;
        }
    }

    /// <summary>
    /// Removes the set a folder holds, for a generation that has nothing to write (or a build whose output folder moved):
    /// an empty set written in its place, so the files its list names, the folders they leave empty and the list itself
    /// go; then the lock file, unless another writer holds it, and the folder if nothing else is left in it. The user's
    /// files stay. A folder without a list or a journal holds no set and is not touched, nor created. Returns the files
    /// written (none), or null after reporting as <see cref="Write"/> does.
    /// </summary>
    public static IReadOnlyList<string>? RemoveSet(string outputDirectory, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(outputDirectory);
        if (!File.Exists(Path.Combine(root, ListFileName)) && !File.Exists(Path.Combine(root, JournalFileName)))
        {
            return Array.Empty<string>();
        }

        var written = Write(root, Array.Empty<ArtifactFile>(), diagnostics);
        if (written is not null)
        {
            RemoveLockAndEmptyFolder(root);
        }

        return written;
    }

    /// <summary>The files the last complete set of a folder holds (full paths), from its list; empty when there is none.</summary>
    public static IReadOnlyList<string> ListedFiles(string outputDirectory)
    {
        var root = Path.GetFullPath(outputDirectory);
        return ReadList(root).Select(r => Resolve(root, r)!).ToList();
    }

    // After a removal: the lock file goes only if no one holds it (taken exclusively, deleted on close), then the folder if
    // nothing else is left in it. Best effort: a lock held by another writer, or anyone's file, keeps them.
    private static void RemoveLockAndEmptyFolder(string root)
    {
        try
        {
            using (new FileStream(Path.Combine(root, LockFileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            if (!Directory.EnumerateFileSystemEntries(root).Any())
            {
                Directory.Delete(root);
            }
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            // Held by another writer, or not empty: left as it is.
        }
    }

    private static FileStream? AcquireLock(string root, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(root, LockFileName);
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows; both die with the process.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
            catch (IOException)
            {
                diagnostics.Error(MessageId.OutputLocked, new SourceLocation(root), root, (int)LockTimeout.TotalSeconds, path);
                return null;
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(path), path, e.Message);
                return null;
            }
        }
    }

    // Under the lock: complete an interrupted set, then delete temporary files no live writer can own: in the whole
    // generated folder, or only at the top of a folder the user owns (annotate -o), never in a tree we did not make.
    private static void Recover(string root, DiagnosticBag diagnostics, bool wholeTree)
    {
        var journal = Path.Combine(root, JournalFileName);
        if (File.Exists(journal))
        {
            Complete(root, diagnostics);
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*.tmp", wholeTree ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly))
        {
            if (TemporaryName().IsMatch(Path.GetFileName(file)) && TryDelete(file))
            {
                removed++;
            }
        }

        if (removed > 0)
        {
            diagnostics.Note(MessageId.OutputTemporaryFilesRemoved, new SourceLocation(root), removed, root);
        }
    }

    // Carries out a committed journal: renames, pruning, the list, then the journal goes. Safe to run again after a kill.
    private static void Complete(string root, DiagnosticBag? diagnostics)
    {
        var journal = Path.Combine(root, JournalFileName);
        var keep = new List<string>();
        var prune = new List<string>();
        var list = Path.Combine(root, ListFileName);
        var lines = File.ReadAllLines(journal);

        // "own" marks a set of the folder's own; journals of earlier versions have no such line but always a "keep".
        var owned = lines.Any(l => l == "own" || l.StartsWith("keep\t", StringComparison.Ordinal));
        if (owned)
        {
            // The list describes the set being replaced: gone until the new one is complete, so an interrupted set is
            // never published and an incremental build sees a missing output and runs again.
            TryDelete(list);
        }

        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            switch (parts[0])
            {
                case "move" when parts.Length == 3 && Resolve(root, parts[1]) is { } temp && Resolve(root, parts[2]) is { } target:
                    if (File.Exists(temp))
                    {
                        Fault("rename:" + parts[2]);
                        File.Move(temp, target, overwrite: true);
                    }

                    break;
                case "keep" when parts.Length == 2 && Resolve(root, parts[1]) is not null:
                    keep.Add(parts[1]);
                    break;
                case "prune" when parts.Length == 2 && Resolve(root, parts[1]) is not null:
                    prune.Add(parts[1]);
                    break;
            }
        }

        if (owned)
        {
            Fault("prune");
            Prune(root, keep, prune);
            Fault("list");
            if (keep.Count == 0)
            {
                // An empty set leaves no list: the folder holds no set, as before the first generation. Not TryDelete: a
                // list left behind would name the pruned files, so a failure keeps the journal for the next run.
                File.Delete(list);
            }
            else
            {
                var listTemp = list + "." + Guid.NewGuid().ToString("N") + ".tmp";
                WriteNew(listTemp, Encoding.UTF8.GetBytes(string.Concat(keep.Select(k => k + "\n"))));
                File.Move(listTemp, list, overwrite: true);
            }
        }

        File.Delete(journal);
        if (diagnostics is not null)
        {
            diagnostics.Note(MessageId.OutputRepaired, new SourceLocation(root), root, journal);
        }
    }

    // A file the previous set had and this one has not (a removed InitDataManifest's copy), and every file of the
    // node-side folder this set did not write (operators copy that folder to nodes whole); then their empty folders.
    // An empty set publishes no node-side folder to claim: it removes listed files only.
    private static void Prune(string root, IReadOnlyCollection<string> keep, IEnumerable<string> previous)
    {
        var kept = new HashSet<string>(keep.Select(k => Resolve(root, k)!), StringComparer.Ordinal);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var old in previous.Select(p => Resolve(root, p)!).Where(p => !kept.Contains(p)))
        {
            if (TryDelete(old))
            {
                folders.Add(Path.GetDirectoryName(old)!);
            }
        }

        var nodeRoot = Path.Combine(root, NodeFilesFolder.Replace('/', Path.DirectorySeparatorChar));
        if (keep.Count > 0 && Directory.Exists(nodeRoot))
        {
            foreach (var file in Directory.EnumerateFiles(nodeRoot, "*", SearchOption.AllDirectories).Where(f => !kept.Contains(f)).ToList())
            {
                TryDelete(file);
            }

            folders.UnionWith(Directory.EnumerateDirectories(nodeRoot, "*", SearchOption.AllDirectories));
            folders.Add(nodeRoot);
        }

        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            for (var current = folder; current.Length > root.Length && current.StartsWith(root, StringComparison.Ordinal); current = Path.GetDirectoryName(current)!)
            {
                if (!Directory.Exists(current) || Directory.EnumerateFileSystemEntries(current).Any())
                {
                    break;
                }

                Directory.Delete(current);
            }
        }
    }

    private static List<string> ReadList(string root)
    {
        var list = Path.Combine(root, ListFileName);
        return File.Exists(list)
            ? File.ReadAllLines(list).Where(l => l.Length > 0 && Resolve(root, l) is not null).ToList()
            : new List<string>();
    }

    // The full path of a '/'-separated relative path, or null when it is rooted or leaves the folder (a hostile list).
    private static string? Resolve(string root, string relative)
    {
        if (relative.Length == 0 || Path.IsPathRooted(relative))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>A written file as the list records it: relative to the output folder, '/'-separated.</summary>
    internal static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');

    private static void WriteNew(string path, byte[] content)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush();
    }

    private static void Fault(string step) => FaultInjection.Value?.Invoke(step);

    private static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;

    private static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false; // Best effort: the next run under the lock tries again.
        }
        catch (UnauthorizedAccessException)
        {
            return false; // As above.
        }
    }

    // NAME.<32 hex>.tmp (this version) or NAME.<8 hex>.tmp (earlier versions): only the writer's own temporary files.
    [GeneratedRegex(@"\.([0-9a-f]{32}|[0-9a-f]{8})\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
