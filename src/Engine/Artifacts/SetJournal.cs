using System.Text;
using System.Text.RegularExpressions;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Artifacts;

/// <summary>
/// The commit record of a set being switched (<see cref="SetBookkeeping.Journal"/>): lines "move TEMP TARGET",
/// and for a folder of our own "own", "keep PATH" and "prune PATH". Carried out by the writer after the commit, and by
/// the next writer after a kill. A journal is read as untrusted input (anyone who can write the folder can forge one):
/// every entry must stay inside the folder without passing a link, a move must rename one of our temporary files onto
/// its own target, and pruning is done only for a folder the caller owns. So the worst a forged journal can do is what
/// its author could do by writing into the folder directly.
/// </summary>
internal static partial class SetJournal
{
    // Bookkeeping files are small: a list or journal larger than this is not ours (nor anything the writer would read).
    private const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Under the lock: complete an interrupted set, then delete temporary files no live writer can own: in the whole
    /// generated folder, or only at the top of a folder the user owns (annotate -o), never through a link.
    /// </summary>
    public static void Recover(string root, SetBookkeeping books, DiagnosticBag diagnostics, bool ownsFolder)
    {
        if (ReadLines(books.Folder, books.Journal) is { } lines)
        {
            Complete(root, books, lines, diagnostics, ownsFolder);
        }

        var removed = 0;
        foreach (var file in RealFiles(root, ownsFolder))
        {
            if (OwnTemporary().IsMatch(Path.GetFileName(file)) && AtomicFile.TryDelete(file))
            {
                removed++;
            }
        }

        if (removed > 0)
        {
            diagnostics.Note(MessageId.OutputTemporaryFilesRemoved, new SourceLocation(root), removed, root);
        }
    }

    /// <summary>
    /// Carries out a committed journal: renames, pruning, the list, then the journal goes. Safe to run again after a kill.
    /// </summary>
    public static void Complete(string root, SetBookkeeping books, IReadOnlyList<string> lines, DiagnosticBag? diagnostics, bool ownsFolder)
    {
        var journal = books.Journal;
        var list = books.List;
        if (books.RecordsRoot && (lines is not [var first, ..] || first != SetBookkeeping.RootLine(root)))
        {
            // A journal of a set in another folder (the output folder moved since a kill): its paths mean nothing here.
            File.Delete(journal);
            return;
        }

        var keep = new List<string>();
        var prune = new List<string>();

        // "own" marks a set of the folder's own; honoured only where the caller owns the folder.
        var owned = ownsFolder && lines.Any(l => l == "own" || l.StartsWith("keep\t", StringComparison.Ordinal));
        if (owned)
        {
            // The list describes the set being replaced: gone until the new one is complete, so an interrupted set is
            // never published and an incremental build sees a missing output and runs again.
            UnsafeOutputException.ThrowIfUnsafe(books.Folder, list, InputPathKind.RegularFile);
            AtomicFile.TryDelete(list);
        }

        foreach (var parts in lines.Select(l => l.Split('\t')))
        {
            switch (parts[0])
            {
                case "move" when parts.Length == 3 && Move(root, parts[1], parts[2]) is var (temp, target):
                    books.AtStep?.Invoke("rename:" + parts[2]);
                    File.Move(temp, target, overwrite: true);
                    break;
                case "keep" when parts.Length == 2 && ContainedPath.Lexical(root, parts[1]) is not null:
                    keep.Add(parts[1]);
                    break;
                case "prune" when parts.Length == 2 && ContainedPath.Lexical(root, parts[1]) is not null:
                    prune.Add(parts[1]);
                    break;
            }
        }

        if (owned)
        {
            books.AtStep?.Invoke("prune");
            Prune(root, keep, prune);
            books.AtStep?.Invoke("list");
            if (keep.Count == 0)
            {
                // An empty set leaves no list: the folder holds no set, as before the first generation. Not TryDelete: a
                // list left behind would name the pruned files, so a failure keeps the journal for the next run.
                File.Delete(list);
            }
            else
            {
                var listTemp = list + "." + Guid.NewGuid().ToString("N") + ".tmp";
                var header = books.RecordsRoot ? SetBookkeeping.RootLine(root) + "\n" : string.Empty;
                AtomicFile.WriteNew(listTemp, Encoding.UTF8.GetBytes(header + string.Concat(keep.Select(k => k + "\n"))));
                File.Move(listTemp, list, overwrite: true);
            }
        }

        File.Delete(journal);
        diagnostics?.Note(MessageId.OutputRepaired, new SourceLocation(root), root, journal);
    }

    /// <summary>
    /// The lines of a bookkeeping file (the list or the journal), null when there is none. It is read only when it is a
    /// regular file below the folder reached without a link and of a size the writer could have written: a FIFO would
    /// block the build forever, a link would read (and later replace) a file elsewhere.
    /// </summary>
    public static IReadOnlyList<string>? ReadLines(string root, string path)
    {
        UnsafeOutputException.ThrowIfUnsafe(root, path, InputPathKind.RegularFile);
        if (PathKinds.OfEntry(path) != InputPathKind.RegularFile)
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length > MaxBytes)
        {
            throw new IOException($"'{path}' is {stream.Length} bytes, larger than any list or journal Coco.InitData writes ({MaxBytes} bytes): it is not ours; remove it");
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The regular files below <paramref name="folder"/> (its top only, or the whole tree), never through a link.</summary>
    public static IEnumerable<string> RealFiles(string folder, bool wholeTree)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var entry in Directory.EnumerateFileSystemEntries(current).ToList())
            {
                switch (PathKinds.OfEntry(entry))
                {
                    case InputPathKind.RegularFile:
                        yield return entry;
                        break;
                    case InputPathKind.Directory when wholeTree:
                        pending.Push(entry);
                        break;
                }
            }
        }
    }

    // A journal's move, when it renames one of our temporary files (TARGET.<32 hex>.tmp, a regular file) onto its own
    // target, both below the folder without a link, the target missing or a regular file; otherwise nothing to do.
    private static (string Temp, string Target)? Move(string root, string tempRelative, string targetRelative)
    {
        if (ContainedPath.Lexical(root, tempRelative) is not { } temp || ContainedPath.Lexical(root, targetRelative) is not { } target
            || !OwnTemporary().IsMatch(Path.GetFileName(temp)) || !temp.StartsWith(target + ".", StringComparison.Ordinal)
            || temp.Length != target.Length + 37)
        {
            return null;
        }

        UnsafeOutputException.ThrowIfUnsafe(root, target, InputPathKind.RegularFile);
        return ContainedPath.FirstObstacle(root, temp, InputPathKind.RegularFile) is null && PathKinds.OfEntry(temp) == InputPathKind.RegularFile
            ? (temp, target)
            : null;
    }

    // A file the previous set had and this one has not (a removed InitDataManifest's copy), and every entry of the
    // node-side folder this set did not write (operators copy that folder to nodes whole); then their empty folders.
    // An empty set publishes no node-side folder to claim: it removes listed files only. Links are removed as entries,
    // never followed: nothing outside the folder is reached.
    private static void Prune(string root, IReadOnlyCollection<string> keep, IEnumerable<string> previous)
    {
        var kept = new HashSet<string>(keep.Select(k => ContainedPath.Lexical(root, k)!), StringComparer.Ordinal);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var old in previous.Select(p => ContainedPath.Lexical(root, p)!).Where(p => !kept.Contains(p)))
        {
            if (ContainedPath.FirstObstacle(root, old, InputPathKind.RegularFile, InputPathKind.SymbolicLink) is null && AtomicFile.TryDelete(old))
            {
                folders.Add(Path.GetDirectoryName(old)!);
            }
        }

        var nodeRoot = Path.Combine(root, ArtifactWriter.NodeFilesFolder.Replace('/', Path.DirectorySeparatorChar));
        if (keep.Count > 0 && ContainedPath.FirstObstacle(root, nodeRoot, InputPathKind.Directory) is null && Directory.Exists(nodeRoot))
        {
            folders.Add(nodeRoot);
            PruneNodeFolder(nodeRoot, kept, folders);
        }

        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            for (var current = folder; ContainedPath.IsBelow(root, current); current = Path.GetDirectoryName(current)!)
            {
                if (PathKinds.OfEntry(current) != InputPathKind.Directory || Directory.EnumerateFileSystemEntries(current).Any())
                {
                    break;
                }

                Directory.Delete(current);
            }
        }
    }

    private static void PruneNodeFolder(string folder, HashSet<string> kept, HashSet<string> folders)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).ToList())
        {
            if (PathKinds.OfEntry(entry) == InputPathKind.Directory)
            {
                folders.Add(entry);
                PruneNodeFolder(entry, kept, folders);
            }
            else if (!kept.Contains(entry))
            {
                AtomicFile.TryDelete(entry); // A link goes as an entry (unlink); its target is not touched.
            }
        }
    }

    // NAME.<32 hex>.tmp: only the writer's own temporary files.
    [GeneratedRegex(@"\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnTemporary();
}
