using System.IO.Compression;
using Coco.InitData.Tool.Tests.Infrastructure;
using Coco.InitData.Transport;

namespace Coco.InitData.Tool.Tests;

[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class BadInputTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    [Theory]
    [InlineData("digest")]
    [InlineData("decode")]
    [InlineData("inspect")]
    public void A_missing_file_is_bad_usage_with_the_build_s_CID1008(string command)
    {
        var result = Tool.Run(Folder.Path, command, "nothing-here.toml");

        Assert.Equal(2, result.ExitCode);
        // The engine's reader and code, as the build reports a missing certificate, and the full path it looked at.
        Assert.StartsWith($"nothing-here.toml: error CID1008: Input file 'nothing-here.toml' was not found (looked at '{Path.Combine(Folder.Path, "nothing-here.toml")}').", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.Empty(result.StandardOutput);
    }

    // Each value made from a good one the way it gets damaged in the wild, or by hand.
    [Theory]
    [InlineData("garbage", "decode", "not standard padded base64")]
    [InlineData("truncated base64", "digest", "not standard padded base64")]
    [InlineData("truncated gzip", "decode", "damaged or truncated")]
    [InlineData("gzip bomb", "digest", "decompresses to more than 4194304 bytes")]
    [InlineData("leading space", "digest", "kata runtime")]
    public void An_annotation_value_the_runtime_would_refuse_is_a_CID4004_finding_that_says_why(string damage, string command, string saying)
    {
        var path = Folder.Write(damage.Replace(' ', '-') + ".annotation", Damaged(damage));

        var result = Tool.Run(Folder.Path, command, path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(path + ": error CID4004:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(saying, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void YAML_that_is_not_Kubernetes_is_refused_by_annotate_with_its_line()
    {
        var manifest = Folder.Write("list.yaml", "---\n- just\n- a list\n");
        var initdata = RepositoryPaths.Vector("tv1-kata-default.toml");

        var result = Tool.Run(Folder.Path, "annotate", manifest, "--initdata", initdata);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(manifest + "(2,1): error CID3051:", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public void Invalid_YAML_is_an_error_with_file_and_line()
    {
        var manifest = Folder.Write("broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n");

        var result = Tool.Run(Folder.Path, "annotate", manifest, "--initdata", RepositoryPaths.Vector("tv1-kata-default.toml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"broken\.yaml\(\d+,\d+\): error CID3050: Manifest '.*broken\.yaml' is not valid YAML", result.StandardError);
    }

    [Fact]
    public void Digest_of_YAML_that_is_not_Kubernetes_says_what_it_expected()
    {
        var path = Folder.Write("plain.yaml", "name: value\nother: 1\n");

        var result = Tool.Run(Folder.Path, "digest", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID4005:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_bad_usage_named_as_an_option()
    {
        var result = Tool.Run(Folder.Path, "digest", "x", "--frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("coco-initdata: error CID4032: '--frobnicate' is not an option", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("'coco-initdata digest --help'", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_and_version_succeed()
    {
        var help = Tool.Run(Folder.Path, "--help");
        var version = Tool.Run(Folder.Path, "--version");

        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "generate", "verify", "digest", "decode", "inspect", "annotate", "probe", "certs" })
        {
            Assert.Contains(command, help.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Equal(0, version.ExitCode);
        Assert.Equal(Tool.PackageVersion, version.StandardOutput.Trim()); // the package's version, from git
    }

    private static string Damaged(string damage)
    {
        var annotation = File.ReadAllText(RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"));
        var bytes = Convert.FromBase64String(annotation);
        return damage switch
        {
            "garbage" => "not an annotation at all",
            "truncated base64" => annotation[..^1],
            "truncated gzip" => Convert.ToBase64String(bytes[..(bytes.Length / 2)]),
            "gzip bomb" => GzipBomb(),
            // The runtimes skip line breaks at most, never a space.
            "leading space" => " " + AnnotationCodec.Encode(File.ReadAllBytes(RepositoryPaths.Vector("tv1-kata-default.toml"))) + "\n",
            _ => throw new ArgumentOutOfRangeException(nameof(damage), damage, null),
        };
    }

    private static string GzipBomb()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[64 * 1024 * 1024]);
        }

        return Convert.ToBase64String(buffer.ToArray());
    }
}
