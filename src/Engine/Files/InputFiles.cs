using System.Text;
using Coco.InitData.Diagnostics;

namespace Coco.InitData;

/// <summary>Reads user input files with one set of errors for missing, unreadable, oversized and non-UTF-8 files.</summary>
internal static class InputFiles
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

    /// <summary>Reads a file's bytes, reporting CID1008/CID1009 against the declaring item.</summary>
    public static bool TryReadBytes(string fullPath, string displayPath, string kind, SourceLocation declaredAt, int maxBytes, DiagnosticBag diagnostics, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        InputFileLog.Record(fullPath);
        try
        {
            switch (Classify(fullPath))
            {
                case InputPathKind.Missing:
                    diagnostics.Error(MessageId.InputFileNotFound, declaredAt, kind, displayPath, fullPath);
                    return false;
                case InputPathKind.Directory:
                    diagnostics.Error(MessageId.InputFileIsDirectory, declaredAt, kind, displayPath, fullPath);
                    return false;
                case InputPathKind.Special:
                    diagnostics.Error(MessageId.InputFileNotRegular, declaredAt, kind, displayPath, fullPath);
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
