using Coco.InitData.Diagnostics;

namespace Coco.InitData.Artifacts;

/// <summary>
/// One writer per output folder: an exclusive lock on its <see cref="SetBookkeeping.Lock"/>, released by the OS
/// when a process dies (flock on Unix, a sharing lock on Windows).
/// </summary>
public static class FolderLock
{
    // errno EWOULDBLOCK on Linux (11) and macOS (35); ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION on Windows.
    private static readonly int[] HeldByAnotherWriter = [11, 35, unchecked((int)0x80070020), unchecked((int)0x80070021)];

    /// <summary>
    /// The held lock, or null after reporting: CID3070 when another writer kept it past <see cref="SetBookkeeping.LockTimeout"/>, CID3075
    /// at once for any other failure (a read-only file system is no reason to wait), CID3073/CID3074 for a lock path
    /// that is a link or not a regular file (it is never opened: a FIFO would block and a link would create its target).
    /// </summary>
    internal static FileStream? Acquire(SetBookkeeping books, DiagnosticBag diagnostics)
    {
        var root = books.Folder;
        var path = books.Lock;
        var deadline = DateTime.UtcNow + books.LockTimeout;
        while (true)
        {
            try
            {
                UnsafeOutputException.ThrowIfUnsafe(root, path, InputPathKind.RegularFile);
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (UnsafeOutputException e)
            {
                e.Report(diagnostics);
                return null;
            }
            catch (IOException e) when (HeldByAnotherWriter.Contains(e.HResult))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    diagnostics.Error(MessageId.OutputLocked, new SourceLocation(root), root, (int)books.LockTimeout.TotalSeconds, path);
                    return null;
                }

                Thread.Sleep(50);
            }
            catch (Exception e) when (AtomicFile.IsWriteFailure(e))
            {
                diagnostics.Error(MessageId.OutputWriteFailed, new SourceLocation(path), path, e.Message);
                return null;
            }
        }
    }

    /// <summary>
    /// After a set was removed: the lock file goes only if no one holds it (taken exclusively, deleted on close), then the
    /// folder if nothing else is left in it. Best effort: a lock held by another writer, or anyone's file, keeps them.
    /// </summary>
    public static void RemoveWithEmptyFolder(string root, SetBookkeeping? bookkeeping = null)
    {
        var path = (bookkeeping ?? SetBookkeeping.InOutputFolder(root)).Lock;
        try
        {
            if (PathKinds.OfEntry(path) == InputPathKind.RegularFile)
            {
                using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
            }

            if (PathKinds.OfEntry(root) == InputPathKind.Directory && !Directory.EnumerateFileSystemEntries(root).Any())
            {
                Directory.Delete(root);
            }
        }
        catch (Exception e) when (AtomicFile.IsWriteFailure(e))
        {
            // Held by another writer, or not empty: left as it is.
        }
    }
}
