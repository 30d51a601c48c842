using Coco.InitData.Transport;

namespace Coco.InitData.Tests.Transport;

/// <summary>An empty document still encodes to one valid gzip member (GZipStream writes nothing at all for no input).</summary>
[Trait("Category", "EndToEnd")]
public sealed class EmptyDocumentEncodingTests
{
    [SkippableFact]
    public void An_empty_document_encodes_to_a_gzip_member_that_python_decodes_to_nothing()
    {
        var annotation = AnnotationCodec.Encode(Array.Empty<byte>());

        var python = ProcessRunner.Run(Oracle.Require("python3"), new[] { "-c", "import base64,gzip,sys; d=gzip.decompress(base64.b64decode(sys.stdin.read(), validate=True)); print(len(d))" }, standardInput: annotation);
        Assert.True(python.ExitCode == 0, python.Output);
        Assert.Equal("0", python.StandardOutput.Trim());
        Assert.True(AnnotationCodec.TryDecode(annotation, out var document, out var problem), problem);
        Assert.Empty(document);
    }

    [SkippableFact]
    public void The_empty_member_has_the_same_fixed_header_as_any_other()
    {
        var empty = Convert.FromBase64String(AnnotationCodec.Encode(Array.Empty<byte>()));
        var one = Convert.FromBase64String(AnnotationCodec.Encode(new byte[] { (byte)'a' }));

        Assert.Equal(one[..10], empty[..10]);
    }
}
