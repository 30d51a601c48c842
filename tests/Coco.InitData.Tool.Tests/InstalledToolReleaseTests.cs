using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// .github/workflows/release.yml, read with PyYAML: it cannot run here (tag pushes, four runners, a NuGet API key),
/// so its platform matrix is checked against the tool's pointer, and the pack steps a linux-x64 runner would run are
/// run here into one folder, from which the tool then installs as a user installs it.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class InstalledToolReleaseTests(ITestOutputHelper log)
{
    private static readonly string Workflow = Path.Combine(RepositoryPaths.Root, ".github", "workflows", "release.yml");

    [SkippableFact]
    public void Every_platform_the_pointer_names_has_a_native_job_and_the_release_runs_on_a_version_tag()
    {
        var workflow = PythonOracle.Run("release_workflow.py", Workflow);
        var pointerStep = Step(workflow, "packages", "Pack the pointer");
        var environment = pointerStep.GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

        // The pointer's platforms as MSBuild evaluates them with the step's settings, not as the workflow spells them.
        var evaluated = ProcessRunner.Run("dotnet", ["msbuild", Path.Combine(RepositoryPaths.Root, "src", "Tool"), "-getProperty:ToolPackageRuntimeIdentifiers", "-p:NativeToolPointerOnly=true"],
            RepositoryPaths.Root, environment, TimeSpan.FromMinutes(5));
        Assert.True(evaluated.ExitCode == 0, evaluated.Output);
        var named = evaluated.StandardOutput.Trim().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var jobs = workflow.GetProperty("jobs").GetProperty("native").GetProperty("include").EnumerateArray().Select(j => j.GetProperty("rid").GetString()).ToList();

        Assert.Contains("any", named);
        Assert.Equal(named.Where(rid => rid != "any").Order(), jobs.Order());
        Assert.Equal(["v*"], workflow.GetProperty("on").GetProperty("push").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var push = Step(workflow, "packages", "Push to the NuGet gallery");
        Assert.Contains("dotnet nuget push", push.GetProperty("run").GetString(), StringComparison.Ordinal);
        Assert.Equal("${{ secrets.NUGET_API_KEY }}", push.GetProperty("env").GetProperty("NUGET_API_KEY").GetString());
    }

    [SkippableFact]
    public void The_linux_x64_and_portable_pack_steps_make_a_folder_the_native_tool_installs_from()
    {
        Skip.IfNot(InstalledTool.InstallsNative, "the linux-x64 native pack needs linux-x64 with clang on PATH");
        var workflow = PythonOracle.Run("release_workflow.py", Workflow);
        using var root = new TempDirectory("cid-release");
        var checkout = CleanCheckout.Create(Path.Combine(root.Path, "checkout"));
        CleanCheckout.Git(checkout, "tag", "v2.0.0");

        // The steps as the runners run them, the matrix value filled in for linux-x64.
        RunStep(checkout, Step(workflow, "native", "Pack the native tool"), "linux-x64");
        RunStep(checkout, Step(workflow, "packages", "Pack Coco.InitData and the portable tool"), null);
        RunStep(checkout, Step(workflow, "packages", "Pack the pointer"), null);

        var folder = Path.Combine(checkout, "artifacts", "release");
        var packed = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(
            ["Coco.InitData.2.0.0.nupkg", "Coco.InitData.2.0.0.snupkg", "Coco.InitData.Tool.2.0.0.nupkg", "Coco.InitData.Tool.any.2.0.0.nupkg",
             "Coco.InitData.Tool.any.2.0.0.snupkg", "Coco.InitData.Tool.linux-x64.2.0.0.nupkg"],
            packed);

        var config = root.Write("nuget.config", $"""<configuration><packageSources><clear /><add key="release" value="{folder}" /></packageSources></configuration>""");
        var tools = Path.Combine(root.Path, "tools");
        var install = ProcessRunner.Run("dotnet", ["tool", "install", "Coco.InitData.Tool", "--tool-path", tools, "--configfile", config],
            root.Path, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root.Path, "packages") }, TimeSpan.FromMinutes(5));
        Assert.True(install.ExitCode == 0, install.Output);
        var executable = Path.Combine(tools, "coco-initdata");
        // The installed package is linux-x64's, whose entry is the native executable (the pointer's settings name no entry point).
        var settings = Directory.GetFiles(Path.Combine(tools, ".store"), "DotnetToolSettings.xml", SearchOption.AllDirectories)
            .Single(f => File.ReadAllText(f).Contains("EntryPoint=", StringComparison.Ordinal));
        Assert.Equal("linux-x64", Path.GetFileName(Path.GetDirectoryName(settings)));
        Assert.Contains("Runner=\"executable\"", File.ReadAllText(settings), StringComparison.Ordinal);
        Assert.Equal("2.0.0", ProcessRunner.Run(executable, ["--version"], root.Path).StandardOutput.Trim());
    }

    private void RunStep(string checkout, JsonElement step, string? rid)
    {
        var run = step.GetProperty("run").GetString()!.Replace("${{ matrix.rid }}", rid, StringComparison.Ordinal);
        Assert.DoesNotContain("${{", run, StringComparison.Ordinal); // nothing else only a runner can evaluate
        var environment = step.GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var result = ProcessRunner.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", run], checkout, environment, TimeSpan.FromMinutes(20));
        log.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, $"step '{step.GetProperty("name").GetString()}' failed:\n{result.Output}");
        Assert.DoesNotContain(": warning ", result.Output, StringComparison.Ordinal); // a release pack warns of nothing
    }

    private static JsonElement Step(JsonElement workflow, string job, string name) =>
        workflow.GetProperty("jobs").GetProperty(job).GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
}
