using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class DecodeOutputTests(InstalledTool tool)
{
    [Fact]
    public void Decode_to_a_directory_says_to_name_a_file_instead_of_access_denied()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "out"));

        var result = tool.Run(dir.Path, "decode", RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"), "-o", "out");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CID4039: 'out' is a directory", result.Output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("out", "initdata.toml"), result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", result.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(dir.Path, "out")));
    }

    [Theory]
    [InlineData("out/")]
    [InlineData(".")]
    [InlineData("link")]
    public void Decode_to_a_folder_however_named_says_it_is_a_folder(string output)
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "out"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "link"), "out");

        var result = tool.Run(dir.Path, "decode", RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"), "-o", output);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"coco-initdata: error CID4039: '{output}' is a directory: -o names the file", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(dir.Path, "out")));
    }
}
