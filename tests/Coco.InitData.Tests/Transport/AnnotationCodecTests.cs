using System.IO.Compression;
using System.Text;
using Coco.InitData.Transport;

namespace Coco.InitData.Tests.Transport;

public sealed class AnnotationCodecTests
{
    [Fact]
    public void The_same_document_always_encodes_to_the_same_value_with_a_fixed_gzip_header()
    {
        var bytes = Encoding.UTF8.GetBytes("version = \"0.1.0\"\nalgorithm = \"sha256\"\n\n[data]\n");

        var first = AnnotationCodec.Encode(bytes);
        var second = AnnotationCodec.Encode(bytes);
        var gzip = Convert.FromBase64String(first);

        Assert.Equal(first, second);
        Assert.Equal(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0 }, gzip[..8]);
        Assert.Equal(0xFF, gzip[9]);
        Assert.True(AnnotationCodec.TryDecode(first, out var decoded, out _));
        Assert.Equal(bytes, decoded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("H4sIAAAAAAAA")]
    [InlineData("H4sIAAAAAAAAA0tMSgYA")]
    [InlineData("bm90IGd6aXA=")]
    [InlineData("H4sI AAAA")]
    [InlineData("H4sIAAAAAAAAA-_")]
    public void Garbage_truncated_or_unpadded_values_are_refused_with_a_reason(string value)
    {
        Assert.False(AnnotationCodec.TryDecode(value, out _, out var problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void A_gzip_bomb_beyond_the_limit_is_refused_without_inflating_it_all()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[AnnotationCodec.MaxDecodedBytes + 1024]);
        }

        Assert.False(AnnotationCodec.TryDecode(Convert.ToBase64String(buffer.ToArray()), out _, out var problem));
        Assert.Contains("more than", problem, StringComparison.Ordinal);
    }
}
