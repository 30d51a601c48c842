using System.IO.Compression;

namespace Coco.InitData.Transport;

/// <summary>
/// The pod annotation value: standard base64 (padded, one line) of one gzip member of the document bytes.
/// The gzip header is fixed (no mtime, no name, OS "unknown") so the same document gives the same value on
/// every OS.
/// </summary>
public static class AnnotationCodec
{
    /// <summary>Decoded documents larger than this are refused: no real initdata is near it, and a gzip bomb must not cost memory.</summary>
    public const int MaxDecodedBytes = 4 * 1024 * 1024;

    /// <summary>base64(gzip(bytes)).</summary>
    public static string Encode(byte[] document)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(document);
        }

        var bytes = buffer.ToArray();

        // Header bytes 4-7 are MTIME, 9 is OS; they are outside the CRC, so fixing them keeps the member valid.
        bytes[4] = bytes[5] = bytes[6] = bytes[7] = 0;
        bytes[9] = 0xFF;
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Decodes an annotation value as strictly as the guest (Rust base64 STANDARD: padding required, no white space).</summary>
    public static bool TryDecode(string value, out byte[] document, out string problem)
    {
        document = Array.Empty<byte>();
        if (value.Length == 0 || value.Length % 4 != 0 || value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
        {
            problem = "it is not standard padded base64 on one line";
            return false;
        }

        byte[] compressed;
        try
        {
            compressed = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            problem = "it is not standard padded base64 on one line";
            return false;
        }

        if (compressed.Length < 18 || compressed[0] != 0x1F || compressed[1] != 0x8B)
        {
            problem = "the base64 does not hold gzip data";
            return false;
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > MaxDecodedBytes)
                {
                    problem = $"it decompresses to more than {MaxDecodedBytes} bytes";
                    return false;
                }

                output.Write(chunk, 0, read);
            }

            document = output.ToArray();

            // One member only, as encoded here: a concatenation's trailer would not match the whole.
            if (!GzipTrailer.Matches(compressed, document))
            {
                document = Array.Empty<byte>();
                problem = "the gzip data is damaged or truncated";
                return false;
            }

            problem = string.Empty;
            return true;
        }
        catch (InvalidDataException)
        {
            problem = "the gzip data is damaged or truncated";
            return false;
        }
    }
}
