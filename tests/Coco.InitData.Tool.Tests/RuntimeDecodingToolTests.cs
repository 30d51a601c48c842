using System.Security.Cryptography;
using System.Text;
using Coco.InitData.Tool.Tests.Infrastructure;
using Coco.InitData.Transport;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// Decode and digest read an annotation as the Go kata runtime does (kata-containers 3.32.0
/// src/runtime/pkg/oci/utils.go: line breaks skipped, every gzip member read; no other white space) and warn where
/// runtime-rs (src/libs/kata-types/src/initdata.rs: no white space, first member only) or the cloud-api-adaptor
/// (pkg/initdata with go-toml v2.1.0, which has no BOM handling; BurntSushi/toml v1.6.0 parse.go reads over one) differ.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class RuntimeDecodingToolTests(InstalledTool tool)
{
    private static readonly byte[] Document = File.ReadAllBytes(RepositoryPaths.Vector("tv1-kata-default.toml"));

    [Fact]
    public void A_value_wrapped_at_76_columns_in_a_manifest_decodes_as_the_go_runtime_reads_it_with_a_warning()
    {
        using var dir = new TempDirectory();
        var wrapped = string.Join("\n", AnnotationCodec.Encode(Document).Chunk(76).Select(c => "      " + new string(c)));
        var manifest = dir.Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    io.katacontainers.config.hypervisor.cc_init_data: |\n" + wrapped + "\nspec:\n  containers: []\n");

        var result = tool.Run(dir.Path, "decode", manifest);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(Encoding.UTF8.GetString(Document), result.StandardOutput);
        Assert.Contains("warning CID3020", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("runtime-rs", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_gzip_members_digest_the_concatenation_and_warn_that_runtime_rs_reads_only_the_first()
    {
        using var dir = new TempDirectory();
        var extra = Encoding.UTF8.GetBytes("# appended\n");
        var value = Convert.ToBase64String(Convert.FromBase64String(AnnotationCodec.Encode(Document)).Concat(Convert.FromBase64String(AnnotationCodec.Encode(extra))).ToArray());
        var file = dir.Write("two.annotation", value);

        var result = tool.Run(dir.Path, "digest", file);

        Assert.True(result.ExitCode == 0, result.Output);
        var expected = Convert.ToHexString(SHA256.HashData(Document.Concat(extra).ToArray())).ToLowerInvariant();
        Assert.StartsWith("sha256:" + expected, result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("warning CID3021", result.StandardError, StringComparison.Ordinal);
        Assert.Contains($"(a {Document.Length}-byte document)", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_a_final_line_break_is_the_annotation_without_it_and_does_not_warn()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("plain.annotation", AnnotationCodec.Encode(Document) + "\n");

        var result = tool.Run(dir.Path, "digest", file);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("CID302", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_with_a_byte_order_mark_is_measured_with_it_and_warns_that_the_cloud_api_adaptor_refuses_it()
    {
        using var dir = new TempDirectory();
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Document).ToArray();
        var file = dir.Write("bom.annotation", AnnotationCodec.Encode(withBom));

        var result = tool.Run(dir.Path, "digest", file);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.StartsWith("sha256:" + Convert.ToHexString(SHA256.HashData(withBom)).ToLowerInvariant(), result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("warning CID3022", result.StandardError, StringComparison.Ordinal);
    }
}
