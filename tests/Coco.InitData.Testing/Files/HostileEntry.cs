using System.Runtime.InteropServices;

namespace Coco.InitData.Testing;

/// <summary>An entry planted where a writer reads or writes: what a checkout, a restored cache or another user can leave.</summary>
public enum HostileShape
{
    /// <summary>A symbolic link to a file outside the folder.</summary>
    LinkToOutsideFile,

    /// <summary>A symbolic link to a folder outside.</summary>
    LinkToOutsideFolder,

    /// <summary>A link to a path outside that does not exist yet: writing through it would create it.</summary>
    DanglingLinkOutside,

    /// <summary>A FIFO: opening it blocks until something writes to it.</summary>
    Fifo,

    /// <summary>A folder holding a file, where a file belongs.</summary>
    Folder,
}

/// <summary>Plants <see cref="HostileShape"/> entries (Unix: links, FIFOs, device nodes).</summary>
public static class HostileEntry
{
    /// <summary>Replaces whatever is at <paramref name="path"/> with the shape; links point into <paramref name="outside"/>.</summary>
    public static void Plant(string path, HostileShape shape, string outside)
    {
        Remove(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (shape)
        {
            case HostileShape.LinkToOutsideFile:
                File.CreateSymbolicLink(path, Path.Combine(outside, "secret.txt"));
                break;
            case HostileShape.LinkToOutsideFolder:
                Directory.CreateSymbolicLink(path, outside);
                break;
            case HostileShape.DanglingLinkOutside:
                File.CreateSymbolicLink(path, Path.Combine(outside, "created-through-a-link"));
                break;
            case HostileShape.Fifo:
                MakeFifo(path);
                break;
            case HostileShape.Folder:
                Directory.CreateDirectory(path);
                File.WriteAllText(Path.Combine(path, "inside.txt"), "a folder's file");
                break;
        }
    }

    /// <summary>Makes a FIFO at the path.</summary>
    public static void MakeFifo(string path)
    {
        if (Mkfifo(path, Convert.ToUInt32("644", 8)) != 0)
        {
            throw new IOException($"mkfifo {path}: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>
    /// Makes a character device node (root only): <c>1,3</c> is the null device, <c>1,5</c> the zero device. False when
    /// this user may not.
    /// </summary>
    public static bool TryMakeCharacterDevice(string path, int major, int minor)
    {
        const uint CharacterDevice = 0x2000;
        var device = (ulong)(((major & 0xfff) << 8) | (minor & 0xff));
        return Mknod(path, CharacterDevice | Convert.ToUInt32("666", 8), device) == 0;
    }

    /// <summary>Removes an entry of any kind without following links.</summary>
    public static void Remove(string path)
    {
        if (new FileInfo(path).LinkTarget is not null || (File.Exists(path) && !Directory.Exists(path)))
        {
            File.Delete(path); // A link (to a file or a folder), a regular file, a FIFO or a device node: the entry only.
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int Mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    [DllImport("libc", EntryPoint = "mknod", SetLastError = true)]
    private static extern int Mknod([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode, ulong device);
}
