namespace Coco.InitData;

/// <summary>What a path names, found without opening it: opening a FIFO blocks until something writes to it.</summary>
public enum InputPathKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file (or a link to one): the only kind that is read.</summary>
    RegularFile,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A FIFO, socket or device.</summary>
    Special,

    /// <summary>A symbolic link, seen only where links are not followed (<see cref="PathKinds.OfEntry"/>).</summary>
    SymbolicLink,
}
