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
public static class ArtifactWriter
{
    /// <summary>The generated folder of node-side files, pruned of files the current generation did not write.</summary>
    internal const string NodeFilesFolder = "containerd/certs.d";

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
        catch (Exception e) when (AtomicFile.IsWriteFailure(e))
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
            var previous = ownsFolder ? SetList.Read(root, books) : new List<string>();
            foreach (var (file, target) in files.Zip(targets))
            {
                books.AtStep?.Invoke("stage:" + file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var temp = target + "." + run + ".tmp";
                moves.Add((temp, target));
                AtomicFile.WriteNew(temp, file.Content);
            }

            var journal = new StringBuilder();
            if (books.RecordsRoot)
            {
                // The folder the journal's relative paths are in: a journal of another folder is never carried out here.
                journal.Append(SetBookkeeping.RootLine(root)).Append('\n');
            }

            foreach (var (temp, target) in moves)
            {
                journal.Append("move\t").Append(SetList.Relative(root, temp)).Append('\t').Append(SetList.Relative(root, target)).Append('\n');
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
            AtomicFile.WriteNew(journalTemp, Encoding.UTF8.GetBytes(journal.ToString()));
            books.AtStep?.Invoke("commit");
            UnsafeOutputException.ThrowIfUnsafe(books.Folder, books.Journal, InputPathKind.RegularFile);
            File.Move(journalTemp, books.Journal, overwrite: true);
        }
        catch (Exception e) when (e is UnsafeOutputException || AtomicFile.IsWriteFailure(e))
        {
            // Nothing is committed yet: the previous set is untouched.
            foreach (var (temp, _) in moves)
            {
                AtomicFile.TryDelete(temp);
            }

            AtomicFile.Report(e, root, diagnostics);
            return null;
        }

        // Committed: from here a failure is completed by the next run (Recover), so it is reported but nothing is undone.
        try
        {
            SetJournal.Complete(root, books, SetJournal.ReadLines(books.Folder, books.Journal)!, diagnostics: null, ownsFolder);
        }
        catch (Exception e) when (e is UnsafeOutputException || AtomicFile.IsWriteFailure(e))
        {
            AtomicFile.Report(e, root, diagnostics, " (the next run completes the write)");
            return null;
        }

        return moves.Where(m => m.Target.Length > 0).Select(m => m.Target).ToList();
    }

    /// <summary>Under the folder's lock, completes an interrupted set and removes stale temporary files; false after reporting.</summary>
    internal static bool Repair(string outputDirectory, DiagnosticBag diagnostics, SetBookkeeping? bookkeeping = null)
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
        catch (Exception e) when (e is UnsafeOutputException || AtomicFile.IsWriteFailure(e))
        {
            AtomicFile.Report(e, root, diagnostics);
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

    // A file of the set: inside the folder by name (the generator's paths always are), reached without a link, and
    // missing or a regular file to replace.
    private static string Target(string root, string relative)
    {
        var target = ContainedPath.Lexical(root, relative) ?? throw new ArgumentException($"'{relative}' is outside the output folder");
        UnsafeOutputException.ThrowIfUnsafe(root, target, InputPathKind.RegularFile);
        return target;
    }
}
