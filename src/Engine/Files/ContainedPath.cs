namespace Coco.InitData;

/// <summary>
/// Paths below a folder that a write, rename or delete may act on. Lexically inside is not enough: a symbolic link
/// below the folder (git stores links, and a cached bin/ or obj/ can carry anything) would carry a write or a delete
/// anywhere. The folder itself may be a link: the user named it.
/// </summary>
public static class ContainedPath
{
    /// <summary>The full path of a '/'-separated relative path, or null when it is empty, rooted or leaves the folder.</summary>
    internal static string? Lexical(string root, string relative)
    {
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
        return IsBelow(root, full) ? full : null;
    }

    /// <summary>True when <paramref name="full"/> lies strictly below <paramref name="root"/>, by name.</summary>
    public static bool IsBelow(string root, string full) =>
        full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// The first entry between <paramref name="root"/> (excluded) and <paramref name="full"/> (included) that a write or
    /// delete must not go through, with its kind: a symbolic link anywhere, or a parent that is not a directory. Null
    /// when every existing entry is a real folder and the last one is missing or of a kind in <paramref name="allowed"/>
    /// (the caller's: a regular file to replace, a directory to prune).
    /// </summary>
    internal static (string Path, InputPathKind Kind)? FirstObstacle(string root, string full, params InputPathKind[] allowed)
    {
        var relative = Path.GetRelativePath(root, full);
        var current = Path.TrimEndingDirectorySeparator(root);
        var parts = relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            var kind = PathKinds.OfEntry(current);
            if (kind == InputPathKind.Missing)
            {
                return null; // Nothing below a missing folder exists either: what is created from here is ours.
            }

            var last = i == parts.Length - 1;
            if (last ? !allowed.Contains(kind) : kind != InputPathKind.Directory)
            {
                return (current, kind);
            }
        }

        return null;
    }

    /// <summary>
    /// The full path of a '/'-separated relative path that is safe to act on (see <see cref="FirstObstacle"/>), or null.
    /// </summary>
    internal static string? Safe(string root, string relative, params InputPathKind[] allowed) =>
        Lexical(root, relative) is { } full && FirstObstacle(root, full, allowed) is null ? full : null;
}
