using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class DigestAndDecodeTests(InstalledTool tool)
{
    [SkippableTheory]
    [InlineData("tv1-kata-default.toml")]
    [InlineData("tv2-kata-policy-howto.annotation")]
    [InlineData("tv3-caa-sample.toml")]
    public void Digest_agrees_with_python_hashlib_on_the_spec_vectors(string vector)
    {
        var path = RepositoryPaths.Vector(vector);
        var expected = PythonOracle.Run("oracle.py", "digest", path);

        var result = tool.Run(AppContext.BaseDirectory, "digest", path, "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var actual = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal(expected.GetProperty("algorithm").GetString(), actual.GetProperty("algorithm").GetString());
        Assert.Equal(expected.GetProperty("digest").GetString(), actual.GetProperty("digest").GetString());
        var measurements = actual.GetProperty("measurements");
        foreach (var tee in new[] { "snp", "tdx", "cca", "vtpm" })
        {
            if (expected.TryGetProperty(tee, out var value))
            {
                Assert.Equal(value.GetString(), measurements.GetProperty(tee).GetProperty("hex").GetString());
            }
            else
            {
                Assert.False(measurements.TryGetProperty(tee, out _));
            }
        }
    }

    [SkippableFact]
    public void Digest_of_the_kata_default_prints_the_spec_values()
    {
        var result = tool.Run(AppContext.BaseDirectory, "digest", RepositoryPaths.Vector("tv1-kata-default.toml"));

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("sha256:5fbba2d190b4c600dc48b80802559460ecae499f76f079e9ad2ebd4e3c7eb65f\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("X7ui0ZC0xgDcSLgIAlWUYOyuSZ928HnprS69Tjx+tl8AAAAAAAAAAAAAAAAAAAAA", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("fd61c686b3fc6f87e7261bef285144d74d808bdfece9acb08a15e29d88216273", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Decode_gives_the_exact_bytes_python_gzip_gives()
    {
        var path = RepositoryPaths.Vector("tv2-kata-policy-howto.annotation");
        var expected = PythonOracle.Text("oracle.py", "decode", path);

        var result = tool.Run(AppContext.BaseDirectory, "decode", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.StandardOutput);
        Assert.Equal(1518, System.Text.Encoding.UTF8.GetByteCount(result.StandardOutput));
    }

    [SkippableFact]
    public void Decode_reads_the_annotation_from_standard_input()
    {
        var annotation = File.ReadAllText(RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"));

        var result = tool.RunWith(AppContext.BaseDirectory, null, annotation + "\n", "digest", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("sha256:2385c5da0959d063638b2ab4ac252ae18e825f6ecb69815e4206b38077d0bcdd", result.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Digest_reads_the_annotation_out_of_a_manifest()
    {
        using var dir = new TempDirectory();
        var annotation = File.ReadAllText(RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"));
        var manifest = dir.Write("pod.yaml", $"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                io.katacontainers.config.hypervisor.cc_init_data: "{annotation}"
            spec:
              containers: []
            """);

        var result = tool.Run(dir.Path, "digest", manifest, "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var json = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal("manifest", json.GetProperty("source").GetString());
        Assert.Equal("2385c5da0959d063638b2ab4ac252ae18e825f6ecb69815e4206b38077d0bcdd", json.GetProperty("digest").GetString());
    }
}
