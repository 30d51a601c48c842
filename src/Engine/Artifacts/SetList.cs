using Coco.InitData.Diagnostics;

namespace Coco.InitData.Artifacts;

/// <summary>
/// The list of the files a set holds (<see cref="SetBookkeeping.List"/>): one '/'-separated path relative to the output
/// folder per line, after a <c>root</c> line when the list is kept apart from the folder. Read with the output's
/// checks: a list from a restored cache can name any path.
/// </summary>
public static class SetList
{
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
            return Read(root, bookkeeping ?? SetBookkeeping.InOutputFolder(root))
                .Select(r => ContainedPath.Safe(root, r, InputPathKind.RegularFile))
                .OfType<string>()
                .Where(f => PathKinds.OfEntry(f) == InputPathKind.RegularFile)
                .ToList();
        }
        catch (Exception e) when (e is UnsafeOutputException || AtomicFile.IsWriteFailure(e))
        {
            AtomicFile.Report(e, root, diagnostics);
            return null;
        }
    }

    // The list's paths below root; none when the list describes another folder (bookkeeping kept apart from the folder).
    internal static List<string> Read(string root, SetBookkeeping books)
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

    /// <summary>A written file as the list records it: relative to the output folder, '/'-separated.</summary>
    internal static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
}
