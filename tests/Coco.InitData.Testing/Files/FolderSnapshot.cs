using System.Security.Cryptography;

namespace Coco.InitData.Testing;

/// <summary>
/// Every entry below a folder, links not followed: kind, link target, size, content hash and write time. Two equal
/// snapshots mean nothing below the folder was created, changed or deleted.
/// </summary>
public sealed record FolderSnapshot(IReadOnlyList<string> Entries)
{
    /// <summary>Takes the snapshot.</summary>
    public static FolderSnapshot Of(string folder)
    {
        var entries = new List<string>();
        Walk(folder, folder, entries);
        entries.Sort(StringComparer.Ordinal);
        return new FolderSnapshot(entries);
    }

    /// <summary>The entries that differ between two snapshots, for a failure message.</summary>
    public string Difference(FolderSnapshot other) =>
        string.Join("; ", Entries.Except(other.Entries).Select(e => "-" + e).Concat(other.Entries.Except(Entries).Select(e => "+" + e)));

    /// <inheritdoc />
    public bool Equals(FolderSnapshot? other) => other is not null && Entries.SequenceEqual(other.Entries);

    /// <inheritdoc />
    public override int GetHashCode() => Entries.Count;

    private static void Walk(string root, string folder, List<string> entries)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            var relative = Path.GetRelativePath(root, entry);
            var info = new FileInfo(entry);
            if (info.LinkTarget is { } target)
            {
                entries.Add($"{relative} -> {target}");
            }
            else if (Directory.Exists(entry))
            {
                entries.Add(relative + "/");
                Walk(root, entry, entries);
            }
            else if (PathKinds.OfEntry(entry) != InputPathKind.RegularFile)
            {
                entries.Add($"{relative} {PathKinds.OfEntry(entry)}"); // A FIFO or device is never opened: it could block.
            }
            else
            {
                var hash = info.Length < 1 << 20 ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry))) : "large";
                entries.Add($"{relative} {info.Length} {hash} {info.LastWriteTimeUtc.Ticks}");
            }
        }
    }
}
