using System.Text;
using Coco.InitData.Diagnostics;

namespace Coco.InitData;

/// <summary>Reads user input files with one set of errors for missing, unreadable, oversized and non-UTF-8 files.</summary>
public static class InputFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Resolves a path as written against the folder of the file that declared it.</summary>
    public static string Resolve(string baseDirectory, string path) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, path.Trim()));

    /// <summary>A path relative to <paramref name="baseDirectory"/> with '/' separators, or the full path when it lies elsewhere.</summary>
    public static string DisplayPath(string baseDirectory, string fullPath)
    {
        var relative = System.IO.Path.GetRelativePath(baseDirectory, fullPath);
        return (System.IO.Path.IsPathRooted(relative) ? fullPath : relative).Replace('\\', '/');
    }

    /// <summary>
    /// True when <paramref name="fullPath"/> is a regular file; otherwise reports CID1008 (missing), CID1015 (a directory)
    /// or CID1016 (a FIFO, socket or device, never opened: it could block forever) against <paramref name="declaredAt"/>.
    /// </summary>
    public static bool CheckRegularFile(string fullPath, string displayPath, string kind, SourceLocation declaredAt, DiagnosticBag diagnostics)
    {
        var id = Classify(fullPath) switch
        {
            InputPathKind.RegularFile => (MessageId?)null,
            InputPathKind.Directory => MessageId.InputFileIsDirectory,
            InputPathKind.Special => MessageId.InputFileNotRegular,
            _ => MessageId.InputFileNotFound,
        };
        if (id is { } problem)
        {
            diagnostics.Error(problem, declaredAt, kind, displayPath, fullPath);
        }

        return id is null;
    }

    /// <summary>Reads a file's bytes, reporting CID1008/CID1009 against the declaring item.</summary>
    public static bool TryReadBytes(string fullPath, string displayPath, string kind, SourceLocation declaredAt, int maxBytes, DiagnosticBag diagnostics, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        InputFileLog.Record(fullPath);
        try
        {
            if (!CheckRegularFile(fullPath, displayPath, kind, declaredAt, diagnostics))
            {
                return false;
            }

            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > maxBytes)
            {
                diagnostics.Error(MessageId.InputFileUnreadable, declaredAt, kind, displayPath, $"it is {stream.Length} bytes, more than the {maxBytes} bytes accepted");
                return false;
            }

            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            diagnostics.Error(MessageId.InputFileUnreadable, declaredAt, kind, displayPath, e.Message);
            return false;
        }
    }

    /// <summary>
    /// Reads a stream that has no length to ask (standard input) up to <paramref name="maxBytes"/>, reporting CID1009
    /// when it is larger or fails.
    /// </summary>
    public static bool TryReadStream(Stream stream, string displayPath, string kind, SourceLocation declaredAt, int maxBytes, DiagnosticBag diagnostics, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    diagnostics.Error(MessageId.InputFileUnreadable, declaredAt, kind, displayPath, $"it is more than the {maxBytes} bytes accepted");
                    return false;
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.ToArray();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            diagnostics.Error(MessageId.InputFileUnreadable, declaredAt, kind, displayPath, e.Message);
            return false;
        }
    }

    /// <summary>
    /// What <paramref name="path"/> names, links followed, without opening it: a FIFO as a certificate would
    /// otherwise block the build until something writes to it.
    /// </summary>
    public static InputPathKind Classify(string path) => PathKinds.Of(path);

    /// <summary>Reads a UTF-8 text file (a BOM is dropped) with LF line endings, whatever the checkout did to it.</summary>
    public static bool TryReadText(string fullPath, string displayPath, string kind, SourceLocation declaredAt, int maxBytes, DiagnosticBag diagnostics, out string text)
    {
        text = string.Empty;
        if (!TryReadBytes(fullPath, displayPath, kind, declaredAt, maxBytes, diagnostics, out var bytes))
        {
            return false;
        }

        try
        {
            var span = bytes.AsSpan();
            if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            {
                span = span[3..];
            }

            text = LineEndings.ToLf(StrictUtf8.GetString(span));
            return true;
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Error(MessageId.TextFileNotUtf8, declaredAt, kind, displayPath);
            return false;
        }
    }
}
