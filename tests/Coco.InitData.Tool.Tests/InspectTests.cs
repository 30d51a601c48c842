using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class InspectTests(InstalledTool tool)
{
    [Fact]
    public void Inspect_of_the_CAA_sample_lists_KBS_certificates_and_the_expired_one()
    {
        var result = tool.Run(AppContext.BaseDirectory, "inspect", RepositoryPaths.Vector("tv3-caa-sample.toml"), "--json", "--validation-time", "2026-01-01T00:00:00Z");

        Assert.Equal(1, result.ExitCode);
        var json = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.Equal("document", json.GetProperty("source").GetString());
        Assert.Equal("sha384", json.GetProperty("algorithm").GetString());
        Assert.Equal("http://1.2.3.4:8080", json.GetProperty("kbsUrl").GetString());
        Assert.Equal(2, json.GetProperty("certificates").GetArrayLength());
        Assert.True(json.GetProperty("annotationSize").GetInt32() < 262144);
        Assert.Contains(json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "CID2020");
        Assert.Contains("error CID2020:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_of_a_generated_annotation_shows_its_registries()
    {
        using var dir = new TempDirectory();
        var generate = tool.Run(dir.Path, "generate", "--insecure-registry", "10.0.0.5:5000", "--blocked-registry", "quay.io", "--kbs-url", "http://kbs:8080", "-o", "out");
        Assert.True(generate.ExitCode == 0, generate.Output);

        var result = tool.Run(dir.Path, "inspect", Path.Combine("out", "initdata.annotation"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("kbs          http://kbs:8080", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("10.0.0.5:5000 -> 10.0.0.5:5000 insecure", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("quay.io -> quay.io blocked", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void No_colour_when_redirected_even_without_NO_COLOR()
    {
        var result = tool.RunWith(AppContext.BaseDirectory, new Dictionary<string, string> { ["NO_COLOR"] = string.Empty, ["TERM"] = "xterm-256color" }, null,
            "inspect", RepositoryPaths.Vector("tv3-caa-sample.toml"));

        Assert.Contains("error CID2020:", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
    }
}
