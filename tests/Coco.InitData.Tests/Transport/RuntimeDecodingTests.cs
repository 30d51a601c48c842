using System.IO.Compression;
using System.Text;
using Coco.InitData.Transport;

namespace Coco.InitData.Tests.Transport;

/// <summary>
/// The annotation is decoded by the kata runtime on the node, not by the guest. The result
/// follows the Go runtime (kata-containers 3.32.0 src/runtime/pkg/oci/utils.go), checked value by value against
/// the same Go standard library calls (scripts/kata_go_decode.go); where runtime-rs (3.32.0
/// src/libs/kata-types/src/initdata.rs decode_raw_initdata: base64 0.13 decode_config(STANDARD), which has no
/// white space in its alphabet, then flate2 GzDecoder, which reads only the first member) differs, it is noted.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class RuntimeDecodingTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("version = \"0.1.0\"\nalgorithm = \"sha256\"\n\n[data]\n\"aa.toml\" = '''\n" + new string('x', 200) + "\n'''\n");

    public static TheoryData<string, string> Values()
    {
        var value = AnnotationCodec.Encode(Document);
        var second = Convert.FromBase64String(AnnotationCodec.Encode(Encoding.UTF8.GetBytes("second = 1\n")));
        var both = Convert.FromBase64String(value).Concat(second).ToArray();
        var named = Convert.FromBase64String(value).ToList();
        named[3] = 8;
        named.InsertRange(10, Encoding.ASCII.GetBytes("initdata.toml\0"));
        var corrupt = Convert.FromBase64String(value);
        corrupt[^6] ^= 1;
        var reserved = Convert.FromBase64String(value);
        reserved[3] = 0x20;
        var header = Convert.FromBase64String(value).ToList();
        header[3] = 2;
        var headerCrc = Crc32(header.Take(10).ToArray()) & 0xFFFF;
        header.InsertRange(10, new[] { (byte)headerCrc, (byte)(headerCrc >> 8) });
        var wrongHeaderCrc = header.ToArray();
        wrongHeaderCrc[10] ^= 1;
        return new TheoryData<string, string>
        {
            { "as encoded", value },
            { "wrapped at 76 columns", string.Join('\n', value.Chunk(76).Select(c => new string(c))) },
            { "wrapped with CRLF and a final line break", string.Join("\r\n", value.Chunk(64).Select(c => new string(c))) + "\r\n" },
            { "two gzip members", Convert.ToBase64String(both) },
            { "a member with a file name", Convert.ToBase64String(named.ToArray()) },
            { "a leading space", " " + value },
            { "a trailing space", value + " " },
            { "a tab inside", value[..8] + "\t" + value[8..] },
            { "unpadded", Convert.ToBase64String(Convert.FromBase64String(value)[..^1]).TrimEnd('=') },
            { "trailing zero bytes after the member", Convert.ToBase64String(Convert.FromBase64String(value).Concat(new byte[2]).ToArray()) },
            { "a damaged length", Convert.ToBase64String(corrupt) },
            { "a reserved header flag", Convert.ToBase64String(reserved) },
            { "a header CRC", Convert.ToBase64String(header.ToArray()) },
            { "a wrong header CRC", Convert.ToBase64String(wrongHeaderCrc) },
            { "url-safe letters", value.Replace('+', '-').Replace('/', '_') + (value.Contains('+') || value.Contains('/') ? string.Empty : "-_==") },
        };
    }

    // RFC 1952's CRC-32, computed here so the fixture does not lean on the code under test.
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    [SkippableTheory]
    [MemberData(nameof(Values))]
    public void Every_value_decodes_to_exactly_what_the_go_runtime_reads_or_is_refused_when_it_refuses(string what, string value)
    {
        Skip.If(GoRuntimeDecoder.SkipReason is not null, GoRuntimeDecoder.SkipReason);

        var (expected, error) = GoRuntimeDecoder.Decode(value);
        var accepted = AnnotationCodec.TryDecode(value, out var document, out var problem);

        Assert.True(accepted == expected is not null, $"{what}: ours {(accepted ? "accepts" : "refuses: " + problem)}, the Go runtime {(expected is null ? "refuses: " + error : "accepts")}");
        if (expected is not null)
        {
            Assert.Equal(expected, document);
        }
    }

    [Fact]
    public void A_wrapped_value_is_read_as_the_go_runtime_reads_it_and_noted_as_refused_by_runtime_rs()
    {
        var value = AnnotationCodec.Encode(Document);

        Assert.True(AnnotationCodec.TryDecodeAsRuntimes(string.Join('\n', value.Chunk(76).Select(c => new string(c))), out var decoding, out var problem), problem);

        Assert.Equal(Document, decoding!.Document);
        Assert.True(decoding.HasLineBreaks);
        Assert.Equal(1, decoding.GzipMembers);
    }

    [Fact]
    public void Two_members_give_the_concatenation_and_the_length_of_the_first_which_is_all_runtime_rs_reads()
    {
        var second = Encoding.UTF8.GetBytes("[extra]\n");
        var value = Convert.ToBase64String(Convert.FromBase64String(AnnotationCodec.Encode(Document)).Concat(Convert.FromBase64String(AnnotationCodec.Encode(second))).ToArray());

        Assert.True(AnnotationCodec.TryDecodeAsRuntimes(value, out var decoding, out var problem), problem);

        Assert.Equal(Document.Concat(second).ToArray(), decoding!.Document);
        Assert.Equal(2, decoding.GzipMembers);
        Assert.Equal(Document.Length, decoding.FirstMemberLength);
        Assert.False(decoding.HasLineBreaks);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    public void White_space_other_than_line_breaks_is_refused_as_both_runtimes_refuse_it(string space)
    {
        Assert.False(AnnotationCodec.TryDecode(space + AnnotationCodec.Encode(Document), out _, out var problem));
        Assert.Contains("line breaks", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bomb_split_over_members_is_still_refused_at_the_limit()
    {
        using var buffer = new MemoryStream();
        for (var i = 0; i < 2; i++)
        {
            using var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true);
            gzip.Write(new byte[(AnnotationCodec.MaxDecodedBytes / 2) + 1024]);
        }

        Assert.False(AnnotationCodec.TryDecode(Convert.ToBase64String(buffer.ToArray()), out _, out var problem));
        Assert.Contains("more than", problem, StringComparison.Ordinal);
    }
}
