using System.Text;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Artifacts;

/// <summary>
/// Writes a set of artifacts so that it switches at once, for builds and tool runs alike:
/// <list type="number">
/// <item>one writer per folder (<see cref="FolderLock"/>);</item>
/// <item>the next run first completes an interrupted set (<see cref="SetJournal"/>) and removes stale temporary files;</item>
/// <item>every file is written to a temporary name beside its target; a failure there (a full disk) deletes them and
/// changes nothing;</item>
/// <item>the journal, naming every rename, is put in place with one rename: from then on the set is committed and a kill
/// is completed by the next run; the renames follow, then stale files of the previous set are pruned and the list of
/// files written is recorded; the journal goes last.</item>
/// </list>
/// The list, lock and journal are the set's <see cref="SetBookkeeping"/>: in obj/ for the build, in the folder for the tool.
/// Nothing is written, renamed, read or deleted through a symbolic link below the folder, and no entry that is not a
/// regular file is replaced or read (<see cref="ContainedPath"/>, CID3073/CID3074): the folder and its bookkeeping may
/// come from a cache or a checkout that anyone could have shaped.
/// </summary>
internal static class ArtifactWriter
{
    /// <summary>The generated folder of node-side files, pruned of files the current generation did not write.</summary>
    public const string NodeFilesFolder = "containerd/certs.d";

    /// <summary>
    /// Writes the files under <paramref name="outputDirectory"/> as one set; returns their full paths, or null after
    /// reporting (CID3075, CID3070, CID3073, CID3074) with nothing changed.
    /// </summary>
    /// <param name="outputDirectory">The folder.</param>
    /// <param name="files">The set.</param>
    /// <param name="diagnostics">Where findings go.</param>
    /// <param name="ownsFolder">
    /// True for the generated folder (the build's InitDataOutputPath, <c>generate -o</c>): files of the previous set that
    /// are not in this one are removed and the list is recorded. False to add files to a folder (<c>annotate -o</c>).
    /// </param>
    /// <param name="bookkeeping">Where the list, lock and journal are; null for the output folder itself.</param>
    public static IReadOnlyList<string>? Write(string outputDirectory, IReadOnlyList<ArtifactFile> files, DiagnosticBag diagnostics, bool ownsFolder = true, SetBookkeeping? bookkeeping = null)
    {
        var root = Path.GetFullPath(outputDirectory);
        var books = bookkeeping ?? SetBookkeeping.InOutputFolder(root);
        try
        {
            Directory.CreateDirectory(root);
            Directory.CreateDirectory(books.Folder);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(root), root, e.Message);
            return null;
        }

        using var folderLock = FolderLock.Acquire(books, diagnostics);
        if (folderLock is null)
        {
            return null;
        }

        var run = Guid.NewGuid().ToString("N");
        var moves = new List<(string Temp, string Target)>();
        try
        {
            SetJournal.Recover(root, books, diagnostics, ownsFolder);
            var targets = files.Select(file => Target(root, file.RelativePath)).ToList();
            var previous = ownsFolder ? ReadList(root, books) : new List<string>();
            foreach (var (file, target) in files.Zip(targets))
            {
                books.AtStep?.Invoke("stage:" + file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var temp = target + "." + run + ".tmp";
                moves.Add((temp, target));
                WriteNew(temp, file.Content);
            }

            var journal = new StringBuilder();
            if (books.RecordsRoot)
            {
                // The folder the journal's relative paths are in: a journal of another folder is never carried out here.
                journal.Append(SetBookkeeping.RootLine(root)).Append('\n');
            }

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

            var journalTemp = books.Journal + "." + run + ".tmp";
            moves.Add((journalTemp, string.Empty));
            WriteNew(journalTemp, Encoding.UTF8.GetBytes(journal.ToString()));
            books.AtStep?.Invoke("commit");
            UnsafeOutputException.ThrowIfUnsafe(books.Folder, books.Journal, InputPathKind.RegularFile);
            File.Move(journalTemp, books.Journal, overwrite: true);
        }
        catch (Exception e) when (e is UnsafeOutputException || IsWriteFailure(e))
        {
            // Nothing is committed yet: the previous set is untouched.
            foreach (var (temp, _) in moves)
            {
                TryDelete(temp);
            }

            Report(e, root, diagnostics);
            return null;
        }

        // Committed: from here a failure is completed by the next run (Recover), so it is reported but nothing is undone.
        try
        {
            SetJournal.Complete(root, books, SetJournal.ReadLines(books.Folder, books.Journal)!, diagnostics: null, ownsFolder);
        }
        catch (Exception e) when (e is UnsafeOutputException || IsWriteFailure(e))
        {
            Report(e, root, diagnostics, " (the next run completes the write)");
            return null;
        }

        return moves.Where(m => m.Target.Length > 0).Select(m => m.Target).ToList();
    }

    /// <summary>
    /// Writes one file through a temporary file and one rename: a failure before the rename leaves the previous file as
    /// it was. Not durable (no fsync), and the rename is atomic only where the file system makes it so (POSIX, NTFS).
    /// An existing entry that is not a regular file (a device, a FIFO, a link, a folder) is refused, never replaced.
    /// With <paramref name="lastWriteTimeUtc"/>, the file appears with that date already (it is set before the rename).
    /// </summary>
    public static bool WriteFile(string path, byte[] content, DiagnosticBag diagnostics, DateTime? lastWriteTimeUtc = null)
    {
        var full = Path.GetFullPath(path);
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            UnsafeOutputException.ThrowIfNotRegularFile(full);
            WriteNew(temp, content);
            if (lastWriteTimeUtc is { } date)
            {
                File.SetLastWriteTimeUtc(temp, date);
            }

            File.Move(temp, full, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is UnsafeOutputException || IsWriteFailure(e))
        {
            TryDelete(temp);
            Report(e, full, diagnostics);
            return false;
        }
    }

    /// <summary>Under the folder's lock, completes an interrupted set and removes stale temporary files; false after reporting.</summary>
    public static bool Repair(string outputDirectory, DiagnosticBag diagnostics, SetBookkeeping? bookkeeping = null)
    {
        var root = Path.GetFullPath(outputDirectory);
        var books = bookkeeping ?? SetBookkeeping.InOutputFolder(root);
        if (!Directory.Exists(root))
        {
            return true;
        }

        using var folderLock = FolderLock.Acquire(books, diagnostics);
        if (folderLock is null)
        {
            return false;
        }

        try
        {
            SetJournal.Recover(root, books, diagnostics, ownsFolder: true);
            return true;
        }
        catch (Exception e) when (e is UnsafeOutputException || IsWriteFailure(e))
        {
            Report(e, root, diagnostics);
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
    public static IReadOnlyList<string>? RemoveSet(string outputDirectory, DiagnosticBag diagnostics, SetBookkeeping? bookkeeping = null)
    {
        var root = Path.GetFullPath(outputDirectory);
        var books = bookkeeping ?? SetBookkeeping.InOutputFolder(root);
        if (PathKinds.OfEntry(books.List) == InputPathKind.Missing && PathKinds.OfEntry(books.Journal) == InputPathKind.Missing)
        {
            return Array.Empty<string>();
        }

        var written = Write(root, Array.Empty<ArtifactFile>(), diagnostics, ownsFolder: true, books);
        if (written is not null)
        {
            FolderLock.RemoveWithEmptyFolder(root, books);
        }

        return written;
    }

    /// <summary>
    /// The output folder the set of external bookkeeping (<see cref="SetBookkeeping.RecordsRoot"/>) was written to, from
    /// its list; null when there is none or it names no full path.
    /// </summary>
    public static string? RecordedRoot(SetBookkeeping bookkeeping)
    {
        var first = SetJournal.ReadLines(bookkeeping.Folder, bookkeeping.List) is [var line, ..] ? line : null;
        var root = first is not null && first.StartsWith("root\t", StringComparison.Ordinal) ? first[5..] : null;
        return root is not null && Path.IsPathFullyQualified(root) && string.Equals(Path.GetFullPath(root), root, StringComparison.Ordinal) ? root : null;
    }

    /// <summary>
    /// The files the last complete set of a folder holds (full paths), from its list: only entries below the folder,
    /// reached without a link, that are regular files now (what the build publishes and <c>dotnet clean</c> deletes).
    /// Empty when there is no list; null after reporting a list that is not a regular file of ours.
    /// </summary>
    public static IReadOnlyList<string>? ListedFiles(string outputDirectory, DiagnosticBag diagnostics, SetBookkeeping? bookkeeping = null)
    {
        var root = Path.GetFullPath(outputDirectory);
        try
        {
            return ReadList(root, bookkeeping ?? SetBookkeeping.InOutputFolder(root))
                .Select(r => ContainedPath.Safe(root, r, InputPathKind.RegularFile))
                .OfType<string>()
                .Where(f => PathKinds.OfEntry(f) == InputPathKind.RegularFile)
                .ToList();
        }
        catch (Exception e) when (e is UnsafeOutputException || IsWriteFailure(e))
        {
            Report(e, root, diagnostics);
            return null;
        }
    }

    /// <summary>A written file as the list records it: relative to the output folder, '/'-separated.</summary>
    internal static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');

    internal static void WriteNew(string path, byte[] content)
    {
        // CreateNew is O_EXCL: it never opens an existing entry, so never follows a link planted at the name.
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush();
    }

    internal static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;

    /// <summary>Deletes a file or a link (the entry, never what it points to); false when there was none or it failed.</summary>
    internal static bool TryDelete(string path)
    {
        try
        {
            if (PathKinds.OfEntry(path) is InputPathKind.Missing or InputPathKind.Directory)
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // Best effort: the next run under the lock tries again.
        }
    }

    // A file of the set: inside the folder by name (the generator's paths always are), reached without a link, and
    // missing or a regular file to replace.
    private static string Target(string root, string relative)
    {
        var target = ContainedPath.Lexical(root, relative) ?? throw new ArgumentException($"'{relative}' is outside the output folder");
        UnsafeOutputException.ThrowIfUnsafe(root, target, InputPathKind.RegularFile);
        return target;
    }

    // The list's paths below root; none when the list describes another folder (bookkeeping kept apart from the folder).
    private static List<string> ReadList(string root, SetBookkeeping books)
    {
        var lines = SetJournal.ReadLines(books.Folder, books.List) ?? Array.Empty<string>();
        if (books.RecordsRoot)
        {
            if (lines is not [var first, ..] || first != SetBookkeeping.RootLine(root))
            {
                return new List<string>();
            }

            lines = lines.Skip(1).ToList();
        }

        return lines.Where(l => ContainedPath.Lexical(root, l) is not null).ToList();
    }

    private static void Report(Exception e, string path, DiagnosticBag diagnostics, string suffix = "")
    {
        if (e is UnsafeOutputException unsafeEntry)
        {
            unsafeEntry.Report(diagnostics);
        }
        else
        {
            // The message ends its own sentence: .NET's texts end in a full stop already.
            diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(path), path, e.Message.TrimEnd('.') + suffix);
        }
    }
}
