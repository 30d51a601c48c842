using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// The installed coco-initdata is a Native AOT executable where the toolchain exists, it writes the same
/// bytes as the framework-dependent build it carries in managed/, and it hands project commands to that build.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class NativeToolTests(InstalledTool tool)
{
    private readonly InstalledTool _tool = tool;

    [Fact]
    public void The_installed_command_is_the_build_this_machine_can_make()
    {
        var folder = PackageFolder();
        var text = File.ReadAllText(Path.Combine(folder, "DotnetToolSettings.xml"));
        if (_tool.IsNative)
        {
            // The linux-x64 package, its entry an ELF executable with no managed entry point beside it.
            Assert.Equal("linux-x64", Path.GetFileName(folder));
            Assert.Contains("Runner=\"executable\"", text, StringComparison.Ordinal);
            var entry = File.ReadAllBytes(Path.Combine(folder, "coco-initdata"));
            Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, entry[..4]);
            Assert.False(File.Exists(Path.Combine(folder, "coco-initdata.dll")));
            Assert.True(File.Exists(Path.Combine(folder, "managed", "coco-initdata.dll")));
            Assert.True(File.Exists(Path.Combine(folder, "managed", "coco-initdata.runtimeconfig.json")));
            // Satellite assemblies where the runtime looks for them: managed/<culture>/<name>.resources.dll.
            var satellites = Directory.GetFiles(Path.Combine(folder, "managed"), "*.resources.dll", SearchOption.AllDirectories);
            Assert.NotEmpty(satellites);
            Assert.All(satellites, s => Assert.Equal(Path.Combine(folder, "managed"), Path.GetDirectoryName(Path.GetDirectoryName(s))));
        }
        else
        {
            Assert.Equal("any", Path.GetFileName(folder));
            Assert.Contains("Runner=\"dotnet\"", text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "coco-initdata.dll")));
        }
    }

    [NativeToolFact]
    public void Commands_that_read_files_write_the_same_bytes_as_the_framework_dependent_build()
    {
        using var work = new TempDirectory("cid-native");
        var ca = TestPki.Root("Native Parity Root");
        work.Write("ca.pem", ca.Pem);
        work.Write("app.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers: []\n");
        var at = TestPki.ValidationTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var runs = new[]
        {
            new[] { "digest", RepositoryPaths.Vector("tv1-kata-default.toml") },
            new[] { "digest", "--json", RepositoryPaths.Vector("tv3-caa-sample.toml") },
            new[] { "decode", RepositoryPaths.Vector("tv2-kata-policy-howto.annotation") },
            new[] { "inspect", RepositoryPaths.Vector("tv3-caa-sample.toml"), "--json", "--validation-time", at },
            new[] { "annotate", "app.yaml", "--initdata", RepositoryPaths.Vector("tv1-kata-default.toml") },
            new[] { "verify", "--ca", "ca.pem", "--validation-time", at, "--json" },
            new[] { "digest", "missing.toml" },
            new[] { "verify", "--ca" },
        };

        foreach (var arguments in runs)
        {
            var native = _tool.Run(work.Path, arguments);
            var managed = RunManaged(work.Path, arguments);

            var what = string.Join(' ', arguments);
            Assert.True(managed.ExitCode == native.ExitCode, $"{what}: exit {native.ExitCode} native, {managed.ExitCode} managed\n{native.Output}\n{managed.Output}");
            Assert.True(managed.StandardOutput == native.StandardOutput, $"{what}: standard output differs\n{native.StandardOutput}\n---\n{managed.StandardOutput}");
            Assert.True(managed.StandardError == native.StandardError, $"{what}: standard error differs\n{native.StandardError}\n---\n{managed.StandardError}");
        }
    }

    [NativeToolFact]
    public void A_project_command_through_the_native_entry_is_the_framework_dependent_builds_run()
    {
        using var project = new WorkloadProject();
        project.Write("certs/ca.pem", TestPki.Root("Native Handoff Root").Pem);
        project.WriteProject(
            """<ItemGroup><InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" /></ItemGroup>""",
            $"<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl><InitDataValidationTime>{TestPki.ValidationTime:yyyy-MM-ddTHH:mm:ssZ}</InitDataValidationTime>");

        var native = _tool.Run(project.Directory, "generate", project.ProjectPath, "-o", "native", "--json");
        var managed = RunManaged(project.Directory, "generate", project.ProjectPath, "-o", "managed", "--json");

        Assert.True(native.ExitCode == 0, native.Output);
        Assert.Equal(managed.ExitCode, native.ExitCode);
        Assert.Equal(managed.StandardOutput.Replace("/managed", "/native", StringComparison.Ordinal), native.StandardOutput);
        Assert.Equal(managed.StandardError, native.StandardError);
        foreach (var file in Directory.GetFiles(Path.Combine(project.Directory, "managed"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Path.Combine(project.Directory, "managed"), file);
            Assert.True(File.ReadAllBytes(file).SequenceEqual(File.ReadAllBytes(Path.Combine(project.Directory, "native", relative))), relative + " differs");
        }

        // A failing project command: the managed run's exit code and findings, and still one JSON object, not two.
        project.WriteProject(
            """<ItemGroup><InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/missing.pem" /></ItemGroup>""",
            "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>");
        var failed = _tool.Run(project.Directory, "verify", project.ProjectPath, "--json");
        var failedManaged = RunManaged(project.Directory, "verify", project.ProjectPath, "--json");

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(failedManaged.ExitCode, failed.ExitCode);
        // verify PROJECT reports at the instant it runs, so the two runs may be a second apart there and only there.
        Assert.Equal(WithoutValidationTime(failedManaged.StandardOutput), WithoutValidationTime(failed.StandardOutput));
        Assert.Equal(failedManaged.StandardError, failed.StandardError);
        Assert.Contains(JsonDocument.Parse(failed.StandardOutput).RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
    }

    [NativeToolFact]
    public void Without_dotnet_a_project_command_says_so_with_its_code_and_the_file_commands_still_run()
    {
        using var project = new WorkloadProject();
        project.WriteProject("<ItemGroup />", "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>");
        using var empty = new TempDirectory("cid-nodotnet");
        var noDotnet = new Dictionary<string, string> { ["PATH"] = empty.Path, ["DOTNET_ROOT"] = string.Empty, ["DOTNET_HOST_PATH"] = string.Empty };

        var generate = _tool.RunWith(project.Directory, noDotnet, null, "generate", project.ProjectPath);
        var json = _tool.RunWith(project.Directory, noDotnet, null, "verify", project.ProjectPath, "--json");
        var digest = _tool.RunWith(project.Directory, noDotnet, null, "digest", RepositoryPaths.Vector("tv1-kata-default.toml"));

        Assert.Equal(2, generate.ExitCode);
        Assert.Contains("error CID4070: Evaluating a project needs MSBuild", generate.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, generate.StandardOutput);
        Assert.Equal(2, json.ExitCode);
        Assert.False(JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("success").GetBoolean());
        Assert.True(digest.ExitCode == 0, digest.Output);
    }

    [NativeToolFact]
    public void A_native_executable_without_its_managed_part_says_what_is_missing()
    {
        using var copy = new TempDirectory("cid-alone");
        var alone = Path.Combine(copy.Path, "coco-initdata");
        File.Copy(Path.Combine(PackageFolder(), "coco-initdata"), alone); // the executable bit comes with it

        var result = ProcessRunner.Run(alone, new[] { "generate", copy.Path }, copy.Path, new Dictionary<string, string> { ["NO_COLOR"] = "1" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error CID4071: The part of coco-initdata that evaluates projects is missing: '{Path.Combine(copy.Path, "managed", "coco-initdata.dll")}' does not exist.", result.StandardError, StringComparison.Ordinal);
    }

    private static string WithoutValidationTime(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"validationTime\": \"[^\"]*\"", "\"validationTime\": \"(now)\"");

    // The installed package's tool folder: the one settings file that names an entry point (the pointer's names none).
    private string PackageFolder() =>
        Path.GetDirectoryName(Directory.GetFiles(Path.Combine(_tool.ToolPath, ".store"), "DotnetToolSettings.xml", SearchOption.AllDirectories)
            .Single(f => File.ReadAllText(f).Contains("EntryPoint=", StringComparison.Ordinal)))!;

    // The framework-dependent build the native package carries, run as the native entry runs it.
    private ProcessResult RunManaged(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("dotnet", new[] { "exec", Path.Combine(PackageFolder(), "managed", "coco-initdata.dll") }.Concat(arguments), workingDirectory,
            new Dictionary<string, string> { ["NO_COLOR"] = "1" }, TimeSpan.FromMinutes(3));
}
