using Coco.InitData.Diagnostics;

namespace Coco.InitData.Artifacts;

/// <summary>
/// One file written whole or not at all (a temporary name, then one rename), and the file operations every writer of
/// the output shares: create without following a link, delete an entry, and the failures that are the user's disk
/// rather than a bug.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes one file through a temporary file and one rename: a failure before the rename leaves the previous file as
    /// it was. Not durable (no fsync), and the rename is atomic only where the file system makes it so (POSIX, NTFS).
    /// An existing entry that is not a regular file (a device, a FIFO, a link, a folder) is refused, never replaced.
    /// With <paramref name="lastWriteTimeUtc"/>, the file appears with that date already (it is set before the rename).
    /// </summary>
    public static bool Write(string path, byte[] content, DiagnosticBag diagnostics, DateTime? lastWriteTimeUtc = null)
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

    internal static void WriteNew(string path, byte[] content)
    {
        // CreateNew is O_EXCL: it never opens an existing entry, so never follows a link planted at the name.
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush();
    }

    internal static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;

    /// <summary>Deletes a file or a link (the entry, never what it points to); false when there was none or it failed.</summary>
    public static bool TryDelete(string path)
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

    internal static void Report(Exception e, string path, DiagnosticBag diagnostics, string suffix = "")
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
