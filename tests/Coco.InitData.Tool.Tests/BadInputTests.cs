using System.IO.Compression;
using Coco.InitData.Tool.Tests.Infrastructure;

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

    [Fact]
    public void Garbage_is_a_finding_with_CID4004()
    {
        var path = Folder.Write("garbage.annotation", "not an annotation at all");

        var result = Tool.Run(Folder.Path, "decode", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID4004:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("not standard padded base64", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_base64_is_rejected_as_the_guest_would()
    {
        var annotation = File.ReadAllText(RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"));
        var path = Folder.Write("truncated.annotation", annotation[..^1]);

        var result = Tool.Run(Folder.Path, "digest", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(path + ": error CID4004:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_gzip_is_reported_as_damaged()
    {
        var annotation = File.ReadAllText(RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"));
        var bytes = Convert.FromBase64String(annotation);
        var path = Folder.Write("short.annotation", Convert.ToBase64String(bytes[..(bytes.Length / 2)]));

        var result = Tool.Run(Folder.Path, "decode", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID4004:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("damaged or truncated", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_bomb_is_refused_beyond_the_size_limit()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[64 * 1024 * 1024]);
        }

        var path = Folder.Write("bomb.annotation", Convert.ToBase64String(buffer.ToArray()));

        var result = Tool.Run(Folder.Path, "digest", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID4004:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("decompresses to more than 4194304 bytes", result.StandardError, StringComparison.Ordinal);
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
}
