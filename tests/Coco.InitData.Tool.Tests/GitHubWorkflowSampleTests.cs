using System.Diagnostics;
using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// samples/github-actions/initdata.yml run as a runner runs it: its steps parsed with PyYAML and every <c>run:</c>
/// step executed in order, in a clean copy of the repository, with bash as GitHub runs it
/// (<c>bash --noprofile --norc -eo pipefail</c>) in the step's working directory. The <c>uses:</c> steps are
/// GitHub's own and are not run: actions/checkout (the clean copy is the checkout), actions/setup-dotnet (this
/// machine's SDK, the one global.json selects) and actions/upload-artifact (the paths it names are checked instead).
/// The workflow installs its own coco-initdata from the packages it packs: that install goes to a .NET home of the
/// test's own (DOTNET_CLI_HOME), whose tools folder comes first on PATH as on a runner, and packages restore into
/// a packages folder of the test's own, so nothing of the machine's is changed or reused for Coco.InitData.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class GitHubWorkflowSampleTests(InstalledTool tool, ITestOutputHelper log) : ToolTestsWithAFolder(tool)
{
    private static readonly string Workflow = Path.Combine(RepositoryPaths.Root, "samples", "github-actions", "initdata.yml");

    // GitHub's own actions, with why each is not run here.
    private static readonly Dictionary<string, string> GitHubOnly = new(StringComparer.Ordinal)
    {
        ["actions/checkout"] = "the clean copy is the checkout",
        ["actions/setup-dotnet"] = "this machine's .NET SDK, as global.json selects it",
        ["actions/upload-artifact"] = "GitHub's artifact store: the test checks the paths it names instead",
    };

    [SkippableFact]
    public void Its_run_steps_build_with_the_package_from_the_feed_annotate_and_pass_the_gate_without_a_warning()
    {
        var copy = CleanCopy();
        var environment = RunnerEnvironment();
        var steps = PythonOracle.Run("workflow_steps.py", Workflow).EnumerateArray().ToList();
        var total = Stopwatch.StartNew();

        foreach (var step in steps)
        {
            var name = step.GetProperty("name").GetString()!;
            if (step.GetProperty("uses").GetString() is { } uses)
            {
                var action = uses.Split('@')[0];
                Assert.True(GitHubOnly.TryGetValue(action, out var why), $"step '{name}' uses {uses}, which this test does not know how to stand in for");
                log.WriteLine($"skipped  {name}: {why}");
                continue;
            }

            var (result, elapsed) = RunStep(step, copy, environment);
            log.WriteLine($"{elapsed.TotalSeconds,6:F1} s  {name}");
            Assert.True(result.ExitCode == 0, $"step '{name}' failed:\n{result.Output}");
            Assert.DoesNotContain(": warning ", result.Output, StringComparison.Ordinal); // a working sample warns of nothing
        }

        log.WriteLine($"{total.Elapsed.TotalSeconds,6:F1} s  all run steps");
        var root = Path.Combine(copy, "samples", "github-actions");
        var initdata = Path.Combine(root, "App", "bin", "Release", "net10.0", "initdata");

        // The package the build used is the one the workflow packed into the feed, byte for byte.
        var version = PackedVersion.Of(Path.Combine(copy, "artifacts", "packages"), "Coco.InitData");
        var restored = Path.Combine(environment["NUGET_PACKAGES"], "coco.initdata", version.ToLowerInvariant(), $"coco.initdata.{version.ToLowerInvariant()}.nupkg");
        Assert.True(File.Exists(restored), "Coco.InitData was not restored from the feed into the test's packages folder");
        Assert.Equal(File.ReadAllBytes(Path.Combine(copy, "artifacts", "packages", $"Coco.InitData.{version}.nupkg")), File.ReadAllBytes(restored));

        // upload-artifact publishes the whole set, the Kustomize Component and the Helm values with the rest.
        var upload = steps.Single(s => s.GetProperty("uses").GetString()?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        var paths = upload.GetProperty("with").GetProperty("path").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(paths, p => Assert.True(File.Exists(Path.Combine(copy, p)) || Directory.Exists(Path.Combine(copy, p)), p + " does not exist after the steps ran"));
        var published = paths.SelectMany(p => Directory.Exists(Path.Combine(copy, p)) ? Directory.GetFiles(Path.Combine(copy, p), "*", SearchOption.AllDirectories) : [Path.Combine(copy, p)])
            .Select(f => Path.GetRelativePath(copy, f).Replace('\\', '/')).ToList();
        foreach (var file in new[] { "initdata.toml", "initdata.annotation", "initdata.json", "kustomize/kustomization.yaml", "helm/values.yaml" })
        {
            Assert.Contains("samples/github-actions/App/bin/Release/net10.0/initdata/" + file, published);
        }

        Assert.Contains("samples/github-actions/artifacts/k8s/workload.yaml", published);
        var annotation = File.ReadAllText(Path.Combine(initdata, "initdata.annotation"));
        var found = PythonOracle.Run("find_annotations.py", Path.Combine(root, "artifacts", "k8s", "workload.yaml"), "io.katacontainers.config.hypervisor.cc_init_data");
        Assert.Equal(new[] { annotation, null, annotation }, found.EnumerateArray().Select(e => e.GetProperty("annotation").GetString()));

        // The gate is last and really gates: a manifest annotated with other initdata fails it.
        var gate = steps.Last(s => s.GetProperty("run").ValueKind == JsonValueKind.String);
        Assert.Contains("--expect-digest", gate.GetProperty("run").GetString()!, StringComparison.Ordinal);
        var stale = Tool.Run(root, "annotate", Path.Combine(root, "artifacts", "k8s", "workload.yaml"), "--initdata", RepositoryPaths.Vector("tv1-kata-default.toml"), "-o", Path.Combine(root, "artifacts", "k8s"));
        Assert.True(stale.ExitCode == 0, stale.Output);
        var refused = RunStep(gate, copy, environment).Result;
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("workload.yaml", refused.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Its_run_steps_use_nothing_only_a_runner_can_evaluate()
    {
        var steps = PythonOracle.Run("workflow_steps.py", Workflow).EnumerateArray();

        foreach (var step in steps.Where(s => s.GetProperty("run").ValueKind == JsonValueKind.String))
        {
            Assert.DoesNotContain("${{", step.GetProperty("run").GetString()!, StringComparison.Ordinal);
            Assert.Equal("bash", step.GetProperty("shell").GetString());
        }
    }

    /// <summary>Runs one run: step as a runner does: its script in a file, with bash, in its working directory.</summary>
    private (ProcessResult Result, TimeSpan Elapsed) RunStep(JsonElement step, string copy, Dictionary<string, string> environment)
    {
        var script = Folder.Write("step.sh", step.GetProperty("run").GetString()!);
        var directory = Path.GetFullPath(Path.Combine(copy, step.GetProperty("workingDirectory").GetString()!));
        var watch = Stopwatch.StartNew();
        var result = ProcessRunner.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], directory, environment, TimeSpan.FromMinutes(15));
        return (result, watch.Elapsed);
    }

    /// <summary>The repository as a fresh clone has it (its own git repository: the package version comes from git).</summary>
    private string CleanCopy() => CleanCheckout.Create(Path.Combine(Folder.Path, "checkout"));

    /// <summary>A runner's environment with a .NET home and a packages folder of the test's own.</summary>
    private Dictionary<string, string> RunnerEnvironment()
    {
        var home = Path.Combine(Folder.Path, "dotnet-home");
        // Packages restore into a folder of the test's own; the machine's cache is only read (NuGet's fallback
        // folder), which Coco.InitData never is in: the test's assertion on the restored package says so.
        var userPackages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return new Dictionary<string, string>
        {
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = Path.Combine(Folder.Path, "packages"),
            ["NUGET_FALLBACK_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? userPackages,
            ["PATH"] = Path.Combine(home, ".dotnet", "tools") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["NO_COLOR"] = "1",
            ["CI"] = "true",
        };
    }
}
