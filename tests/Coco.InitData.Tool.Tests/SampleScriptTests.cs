using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>The CI sample runs as documented with the installed tool.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class SampleScriptTests(InstalledTool tool)
{
    [SkippableFact]
    public void The_CI_sample_creates_certs_generates_verifies_and_annotates()
    {
        using var dir = new TempDirectory();
        var script = Path.Combine(RepositoryPaths.Root, "samples", "ci", "initdata-ci.sh");

        var result = ProcessRunner.Run("bash", new[] { script, dir.Path }, dir.Path, new Dictionary<string, string> { ["COCO_INITDATA"] = tool.Executable, ["NO_COLOR"] = "1" });

        Assert.True(result.ExitCode == 0, result.Output);
        var found = PythonOracle.Run("find_annotations.py", Path.Combine(dir.Path, "k8s", "workload.yaml"), "io.katacontainers.config.hypervisor.cc_init_data");
        var annotation = File.ReadAllText(Path.Combine(dir.Path, "initdata", "initdata.annotation"));
        Assert.Equal(new[] { annotation, null, annotation }, found.EnumerateArray().Select(e => e.GetProperty("annotation").GetString()));
        Assert.True(File.Exists(Path.Combine(dir.Path, "reference-values.json")));
    }
}
