using System.Runtime.InteropServices;

namespace Coco.InitData;

/// <summary>What a path names, from stat(2) or lstat(2), without opening it.</summary>
internal static class PathKinds
{
    private const int TypeMask = 0xF000, DirectoryType = 0x4000, RegularType = 0x8000, LinkType = 0xA000;

    /// <summary>What the path names once links are followed (a dangling link is <see cref="InputPathKind.Missing"/>).</summary>
    public static InputPathKind Of(string path) => Classify(path, followLinks: true);

    /// <summary>
    /// The directory entry itself, a link not followed: what a rename or delete of the path acts on, and what a write
    /// through it would reach.
    /// </summary>
    public static InputPathKind OfEntry(string path) => Classify(path, followLinks: false);

    /// <summary>A kind as the messages name it: "a directory", "a symbolic link", ...</summary>
    public static string Describe(InputPathKind kind) => kind switch
    {
        InputPathKind.RegularFile => "a regular file",
        InputPathKind.Directory => "a directory",
        InputPathKind.SymbolicLink => "a symbolic link",
        InputPathKind.Special => "a FIFO, socket or device",
        _ => "missing",
    };

    private static InputPathKind Classify(string path, bool followLinks)
    {
        if (TryStatMode(path, followLinks, out var mode))
        {
            return (mode & TypeMask) switch
            {
                RegularType => InputPathKind.RegularFile,
                DirectoryType => InputPathKind.Directory,
                LinkType => InputPathKind.SymbolicLink,
                _ => InputPathKind.Special,
            };
        }

        // Windows (no FIFOs at a path; links are reparse points), a path stat(2) cannot reach, or a runtime without the shim.
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!followLinks && info.Exists && info.LinkTarget is not null)
        {
            return InputPathKind.SymbolicLink;
        }

        return info is DirectoryInfo ? InputPathKind.Directory : info.Exists ? InputPathKind.RegularFile : InputPathKind.Missing;
    }

    // .NET exposes no file type beyond "directory", so ask stat(2)/lstat(2) through the runtime's own System.Native
    // shim, whose FileStatus has the same layout on every Unix: Flags (int32), then Mode (int32, S_IFMT bits).
    private static bool TryStatMode(string path, bool followLinks, out int mode)
    {
        mode = 0;
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            var status = new byte[256];
            if ((followLinks ? SystemNativeStat(path, status) : SystemNativeLStat(path, status)) != 0)
            {
                return false;
            }

            mode = BitConverter.ToInt32(status, 4);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int SystemNativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int SystemNativeLStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);
}
