using Coco.InitData.Diagnostics;
using Coco.InitData.Tool.Output;

namespace Coco.InitData.Tool.Inputs;

/// <summary>Reads a named input, or standard input for '-', with a size limit.</summary>
internal static class InputFile
{
    /// <summary>Larger inputs are refused: a manifest or annotation of this size cannot be applied to Kubernetes anyway.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The name standard input is shown as.</summary>
    public const string StandardInputName = "<stdin>";

    /// <summary>The bytes, or null after reporting CID4002/CID4003 (bad usage).</summary>
    public static byte[]? Read(string path, Reporter reporter, out string displayPath)
    {
        displayPath = path == "-" ? StandardInputName : path;
        try
        {
            if (path == "-")
            {
                using var stdin = Console.OpenStandardInput();
                return ReadLimited(stdin, displayPath, reporter);
            }

            if (!IsReadable(path, reporter))
            {
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return ReadLimited(stream, displayPath, reporter);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            reporter.Error(MessageId.ToolInputUnreadable, new SourceLocation(displayPath), displayPath, e.Message);
            return null;
        }
    }

    /// <summary>
    /// True when <paramref name="path"/> is a regular file; otherwise reports CID4002 (missing), CID4035 (a
    /// directory) or CID4036 (a FIFO, socket or device, which is never opened: it could block forever).
    /// </summary>
    public static bool IsReadable(string path, Reporter reporter)
    {
        var id = InputFiles.Classify(path) switch
        {
            InputPathKind.RegularFile => (MessageId?)null,
            InputPathKind.Directory => MessageId.ToolInputIsDirectory,
            InputPathKind.Special => MessageId.ToolInputNotRegularFile,
            _ => MessageId.ToolInputNotFound,
        };
        if (id is { } problem)
        {
            reporter.Error(problem, new SourceLocation(path), path);
        }

        return id is null;
    }

    private static byte[]? ReadLimited(Stream stream, string displayPath, Reporter reporter)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                reporter.Error(MessageId.ToolInputUnreadable, new SourceLocation(displayPath), displayPath, $"it is larger than {MaxBytes} bytes");
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
