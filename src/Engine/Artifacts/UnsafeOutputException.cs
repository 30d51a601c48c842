using Coco.InitData.Diagnostics;

namespace Coco.InitData.Artifacts;

/// <summary>
/// An entry the writer must not act on (a symbolic link below the output folder, a FIFO, device or folder where a
/// file belongs): thrown where it is found, reported once by the public entry point, with nothing changed from there.
/// </summary>
public sealed class UnsafeOutputException(string path, InputPathKind kind, string folder)
    : IOException($"'{path}' is {PathKinds.Describe(kind)}")
{
    /// <summary>The entry.</summary>
    internal string EntryPath { get; } = path;

    /// <summary>What it is.</summary>
    internal InputPathKind Kind { get; } = kind;

    /// <summary>The folder being written.</summary>
    internal string Folder { get; } = folder;

    /// <summary>Throws when <paramref name="full"/> cannot be acted on (see <see cref="ContainedPath.FirstObstacle"/>).</summary>
    internal static void ThrowIfUnsafe(string root, string full, params InputPathKind[] allowed)
    {
        if (ContainedPath.FirstObstacle(root, full, allowed) is { } obstacle)
        {
            throw new UnsafeOutputException(obstacle.Path, obstacle.Kind, root);
        }
    }

    /// <summary>Throws when the entry <paramref name="full"/> itself exists and is not a regular file.</summary>
    internal static void ThrowIfNotRegularFile(string full)
    {
        var kind = PathKinds.OfEntry(full);
        if (kind is not (InputPathKind.Missing or InputPathKind.RegularFile))
        {
            throw new UnsafeOutputException(full, kind, Path.GetDirectoryName(full) ?? full);
        }
    }

    /// <summary>CID3073 for a link, CID3074 for anything else that is not a regular file.</summary>
    internal void Report(DiagnosticBag diagnostics)
    {
        if (Kind == InputPathKind.SymbolicLink)
        {
            diagnostics.Error(MessageId.OutputThroughLink, new SourceLocation(EntryPath), EntryPath, Folder);
        }
        else
        {
            diagnostics.Error(MessageId.OutputNotRegularFile, new SourceLocation(EntryPath), EntryPath, PathKinds.Describe(Kind));
        }
    }
}
