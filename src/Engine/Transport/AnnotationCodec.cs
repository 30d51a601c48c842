using System.IO.Compression;
using Org.BouncyCastle.Utilities.Zlib;

namespace Coco.InitData.Transport;

/// <summary>
/// The pod annotation value: standard base64 (padded, one line) of one gzip member of the document bytes.
/// The gzip header is fixed (no mtime, no name, OS "unknown") so the same document gives the same value on
/// every OS. Decoding follows the host runtime that reads the annotation (see <see cref="RuntimeDecoding"/>).
/// </summary>
public static class AnnotationCodec
{
    /// <summary>Decoded documents larger than this are refused: no real initdata is near it, and a gzip bomb must not cost memory.</summary>
    internal const int MaxDecodedBytes = 4 * 1024 * 1024;

    private const string NotBase64 = "it is not standard padded base64 (the kata runtime skips line breaks and nothing else: no spaces, tabs or URL-safe letters)";
    private const string Damaged = "the gzip data is damaged or truncated";

    /// <summary>base64(gzip(bytes)).</summary>
    public static string Encode(byte[] document)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(document);
        }

        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            // GZipStream writes no member at all when it was given no byte: write the one gzip(1) writes, with the same
            // fixed header as every other (XFL 2 as SmallestSize sets it), an empty final deflate block, CRC 0, size 0.
            bytes = new byte[] { 0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0x02, 0xFF, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0 };
        }

        // Header bytes 4-7 are MTIME, 9 is OS; they are outside the CRC, so fixing them keeps the member valid.
        bytes[4] = bytes[5] = bytes[6] = bytes[7] = 0;
        bytes[9] = 0xFF;
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Decodes an annotation value as the Go kata runtime does; <paramref name="problem"/> says why it would refuse it.</summary>
    internal static bool TryDecode(string value, out byte[] document, out string problem)
    {
        var decoded = TryDecodeAsRuntimes(value, out var decoding, out problem);
        document = decoding?.Document ?? Array.Empty<byte>();
        return decoded;
    }

    /// <summary>Decodes an annotation value as the Go kata runtime does, noting where runtime-rs would read it differently.</summary>
    public static bool TryDecodeAsRuntimes(string value, out RuntimeDecoding? decoding, out string problem)
    {
        decoding = null;
        var hasLineBreaks = value.AsSpan().IndexOfAny('\r', '\n') >= 0;
        var base64 = hasLineBreaks ? value.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal) : value;
        if (base64.Length == 0 || base64.Length % 4 != 0 || base64.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
        {
            problem = NotBase64;
            return false;
        }

        byte[] compressed;
        try
        {
            compressed = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            problem = NotBase64;
            return false;
        }

        if (compressed.Length < 18 || compressed[0] != 0x1F || compressed[1] != 0x8B)
        {
            problem = "the base64 does not hold gzip data";
            return false;
        }

        using var output = new MemoryStream();
        var offset = 0;
        var members = 0;
        var firstMemberLength = 0;

        // Go's gzip reader is multistream: after a member, anything left must be another whole member.
        while (offset < compressed.Length)
        {
            if (!TryInflateMember(compressed, ref offset, output, out problem))
            {
                return false;
            }

            members++;
            firstMemberLength = members == 1 ? (int)output.Length : firstMemberLength;
        }

        decoding = new RuntimeDecoding { Document = output.ToArray(), HasLineBreaks = hasLineBreaks, GzipMembers = members, FirstMemberLength = firstMemberLength };
        problem = string.Empty;
        return true;
    }

    // RFC 1952 member: header (optional extra, name, comment, header CRC), raw deflate data, CRC-32 and length.
    private static bool TryInflateMember(byte[] data, ref int offset, MemoryStream output, out string problem)
    {
        var start = output.Length;
        problem = Damaged;
        if (data.Length - offset < 18 || data[offset] != 0x1F || data[offset + 1] != 0x8B || data[offset + 2] != 8)
        {
            problem = "bytes after the gzip data are not another gzip member (the kata runtime reads every member)";
            return false;
        }

        var flags = data[offset + 3];
        var position = offset + 10;
        if ((flags & 4) != 0)
        {
            position += 2 + (position + 1 < data.Length ? data[position] | (data[position + 1] << 8) : data.Length);
        }

        for (var flag = 8; flag <= 16; flag <<= 1)
        {
            if ((flags & flag) != 0)
            {
                var end = position < data.Length ? Array.IndexOf(data, (byte)0, position) : -1;
                position = end < 0 ? data.Length : end + 1;
            }
        }

        if ((flags & 2) != 0)
        {
            if (position + 2 > data.Length || (GzipTrailer.Crc32(data.AsSpan(offset, position - offset)) & 0xFFFF) != (uint)(data[position] | (data[position + 1] << 8)))
            {
                return false;
            }

            position += 2;
        }

        if (position >= data.Length || !TryInflateRaw(data, ref position, output, out problem))
        {
            return false;
        }

        if (position + 8 > data.Length || !GzipTrailer.Matches(data.AsSpan(position, 8), output.GetBuffer().AsSpan((int)start, (int)(output.Length - start))))
        {
            problem = Damaged;
            return false;
        }

        offset = position + 8;
        return true;
    }

    // BouncyCastle's zlib port reports where the deflate data ends, which .NET's DeflateStream does not.
    private static bool TryInflateRaw(byte[] data, ref int position, MemoryStream output, out string problem)
    {
        var stream = new ZStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            stream.inflateInit(true);
            stream.next_in = data;
            stream.next_in_index = position;
            stream.avail_in = data.Length - position;
            while (true)
            {
                stream.next_out = chunk;
                stream.next_out_index = 0;
                stream.avail_out = chunk.Length;
                var status = stream.inflate(JZlib.Z_NO_FLUSH);
                var produced = chunk.Length - stream.avail_out;
                if (output.Length + produced > MaxDecodedBytes)
                {
                    problem = $"it decompresses to more than {MaxDecodedBytes} bytes";
                    return false;
                }

                output.Write(chunk, 0, produced);
                if (status == JZlib.Z_STREAM_END)
                {
                    position = stream.next_in_index;
                    problem = string.Empty;
                    return true;
                }

                if (status != JZlib.Z_OK || (produced == 0 && stream.avail_in == 0))
                {
                    problem = Damaged;
                    return false;
                }
            }
        }
        finally
        {
            stream.inflateEnd();
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
