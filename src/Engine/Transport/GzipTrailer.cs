namespace Coco.InitData.Transport;

/// <summary>
/// The gzip member trailer (RFC 1952: CRC-32 and length of the data, little-endian). The runtimes' decoders
/// check it, so a damaged annotation must be refused here too.
/// </summary>
internal static class GzipTrailer
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>True when the last 8 bytes of <paramref name="member"/> match <paramref name="data"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> member, ReadOnlySpan<byte> data)
    {
        if (member.Length < 8)
        {
            return false;
        }

        var trailer = member[^8..];
        var crc = BitConverter.ToUInt32(trailer[..4]);
        var size = BitConverter.ToUInt32(trailer[4..]);
        if (!BitConverter.IsLittleEndian)
        {
            crc = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(crc);
            size = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(size);
        }

        return size == (uint)data.Length && crc == Crc32(data);
    }

    /// <summary>The CRC-32 of RFC 1952.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
