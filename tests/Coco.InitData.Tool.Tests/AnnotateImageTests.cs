using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary><c>annotate --image REF@DIGEST</c>: the same pin the publish makes, for pipelines that push another way.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class AnnotateImageTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: registry.example.internal:5000/shop/web:1.0\n  - name: proxy\n    image: nginx:1.27\n";

    [Fact]
    public void The_image_naming_the_repository_is_pinned_beside_the_annotation()
    {
        var manifest = Folder.Write("pod.yaml", Manifest);

        var result = Tool.Run(Folder.Path, "annotate", manifest, "--initdata", RepositoryPaths.Vector("tv1-kata-default.toml"), "--image", "registry.example.internal:5000/shop/web@" + Digest);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("    image: registry.example.internal:5000/shop/web@" + Digest + "\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("    image: nginx:1.27\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("io.katacontainers.config.hypervisor.cc_init_data: ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_tag_writes_the_tag_before_the_digest()
    {
        var manifest = Folder.Write("pod.yaml", Manifest);

        var result = Tool.Run(Folder.Path, "annotate", manifest, "--initdata", RepositoryPaths.Vector("tv1-kata-default.toml"), "--image", "registry.example.internal:5000/shop/web@" + Digest, "--keep-tag");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("image: registry.example.internal:5000/shop/web:1.0@" + Digest + "\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registry.example.internal:5000/shop/web:1.0")]
    [InlineData("registry.example.internal:5000/shop/web@sha256:abc")]
    public void An_image_without_a_full_sha256_digest_is_CID4090_and_a_usage_error(string image)
    {
        var manifest = Folder.Write("pod.yaml", Manifest);

        var result = Tool.Run(Folder.Path, "annotate", manifest, "--initdata", RepositoryPaths.Vector("tv1-kata-default.toml"), "--image", image);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CID4090", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }
}
