using System.Text.Json;

namespace Coco.InitData.Tests.EndToEnd;

/// <summary>
/// A newcomer follows the README's Quick start literally on a clean copy of the repository: an empty NuGet cache,
/// a fresh home folder (so `dotnet tool install -g` installs into it), no local package folder but the one the
/// Quick start packs. The result is checked by the Python oracle and by the installed tool.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class QuickStartTests
{
    [SkippableFact]
    public void The_first_readme_command_and_the_quick_start_followed_literally_work_on_a_clean_copy()
    {
        using var root = new TempDirectory("cid-quickstart");
        var clone = Path.Combine(root.Path, "coco-initdata");
        CleanCheckout.Create(clone);
        var home = Path.Combine(root.Path, "home");
        Directory.CreateDirectory(home);
        var readme = File.ReadAllText(Path.Combine(clone, "README.md"));
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = Path.Combine(home, ".nuget", "packages"),
        };

        // The README's first command, on the sample.
        var sampleCommand = readme.Split('\n').First(l => l.StartsWith("dotnet build samples/Workload", StringComparison.Ordinal));
        var sample = ProcessRunner.Run("bash", new[] { "-c", sampleCommand }, clone, environment, TimeSpan.FromMinutes(10));
        Assert.True(sample.ExitCode == 0, sample.Output);
        var sampleDigest = PythonOracle.Run("check_initdata.py", Path.Combine(clone, "samples", "Workload", "bin", "Debug", "net10.0", "initdata")).GetProperty("digest").GetString();
        Assert.Contains($"\"InitDataDigest\": \"sha256:{sampleDigest}\"", sample.StandardOutput, StringComparison.Ordinal);

        var script = root.Write("quick-start.sh", QuickStart.Script(readme));
        var result = ProcessRunner.Run("bash", new[] { script }, clone, environment, TimeSpan.FromMinutes(20));

        Assert.True(result.ExitCode == 0, result.Output);
        var workload = Path.Combine(root.Path, "my-workload");
        var output = Path.Combine(workload, "bin", "Debug", "net10.0", "initdata");
        var oracle = PythonOracle.Run("check_initdata.py", output);
        var digest = oracle.GetProperty("digest").GetString();
        // The build's -getProperty line and the tool's inspect both print the digest Python computed.
        Assert.Contains($"\"InitDataDigest\": \"sha256:{digest}\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(digest!, result.StandardOutput.Split("coco-initdata inspect")[^1], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(home, ".dotnet", "tools", OperatingSystem.IsWindows() ? "coco-initdata.exe" : "coco-initdata")));
        Assert.True(Directory.Exists(Path.Combine(home, ".nuget", "packages", "coco.initdata")), "the package was restored into the fresh cache");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "initdata.json")));
        Assert.Equal("registry.example.internal:5000", json.RootElement.GetProperty("registries")[0].GetProperty("prefix").GetString());
    }
}
