using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>Crashes, an unwritable standard output and special files.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class FaultTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    private const string Generate = "generate --registry registry.example.internal:5000 --kbs-url https://kbs.example.internal:8080";

    private static readonly TimeSpan NeverBlocks = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> NoColor = new() { ["NO_COLOR"] = "1" };

    [Fact]
    public void An_unexpected_error_is_one_CID9000_line_with_exit_code_3_and_no_stack_trace()
    {
        var result = CrashGenerate();

        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("coco-initdata: error CID9000: Unexpected error in coco-initdata generate --registry", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void CID9000_names_the_exception_the_method_that_threw_it_and_the_command_that_called_it()
    {
        var result = CrashGenerate();

        Assert.Contains("coco-initdata generate --registry registry.example.internal:5000 --kbs-url https://kbs.example.internal:8080: FileNotFoundException", result.StandardError, StringComparison.Ordinal);
        if (!Tool.IsNative)
        {
            // The native build may inline the framework's frames; the framework-dependent one names them.
            Assert.Contains("FileNotFoundException in Interop.Sys.GetCwdHelper (from Commands.GenerateCommand): ", result.StandardError, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_command_line_named_by_CID9000_has_its_credentials_masked()
    {
        var result = CrashGenerate("--https-proxy http://builder:hunter2secret@proxy.example.internal:3128");

        Assert.Contains("--https-proxy http://***@proxy.example.internal:3128", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_and_JSON_still_gets_its_object()
    {
        var result = CrashGenerate("--json --verbose");

        Assert.Contains("   at ", result.StandardError, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(3, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal("CID9000", json.RootElement.GetProperty("findings")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("digest")]
    [InlineData("decode")]
    [InlineData("annotate")]
    [InlineData("--help")]
    public void A_full_standard_output_is_CID4030_with_exit_code_3(string command)
    {
        Assert.True(File.Exists("/dev/full"), "this test needs Linux's /dev/full");
        var vector = RepositoryPaths.Vector("tv1-kata-default.toml");
        var line = command switch
        {
            "--help" => "--help",
            "annotate" => $"annotate '{Path.Combine(RepositoryPaths.Root, "samples", "ci", "k8s", "workload.yaml")}' --initdata '{vector}'",
            _ => command + " '" + vector + "'",
        };

        var result = ProcessRunner.Run("bash", new[] { "-c", $"'{Tool.Executable}' {line} > /dev/full" }, Folder.Path, NoColor, NeverBlocks);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("coco-initdata: error CID4030: Standard output could not be written: No space left on device. The output is incomplete; check the disk or the pipe it goes to.\n", result.StandardError);
    }

    [Theory]
    [InlineData("CID1016", 2, "digest", "{fifo}")]
    [InlineData("CID1016", 2, "inspect", "{fifo}")]
    [InlineData("CID1016", 2, "verify", "--ca", "{fifo}")]
    [InlineData("CID1016", 2, "annotate", "{fifo}", "--initdata", "{vector}")]
    [InlineData("CID1016", 2, "annotate", "{vector}", "--initdata", "{fifo}")]
    [InlineData("CID1016", 2, "generate", "{fifo}")]
    [InlineData("CID1016", 1, "generate", "--ca", "{fifo}", "--kbs-url", "https://kbs.example.internal:8080", "-o", "out")]
    [InlineData("CID1016", 1, "generate", "--policy", "{fifo}", "--kbc-name", "offline_fs_kbc", "-o", "out")]
    public void A_fifo_is_never_opened_so_nothing_blocks(string code, int exitCode, params string[] arguments)
    {
        var fifo = Path.Combine(Folder.Path, "input.fifo");
        var made = ProcessRunner.Run("mkfifo", new[] { fifo });
        Assert.True(made.ExitCode == 0, made.Output);
        var resolved = arguments.Select(a => a.Replace("{fifo}", fifo, StringComparison.Ordinal).Replace("{vector}", RepositoryPaths.Vector("tv1-kata-default.toml"), StringComparison.Ordinal));

        // Before the fix the open(2) of the FIFO waited for a writer: the run timed out.
        var result = ProcessRunner.Run(Tool.Executable, resolved, Folder.Path, NoColor, NeverBlocks);

        Assert.True(result.ExitCode == exitCode, result.Output);
        Assert.Contains("error " + code + ":", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("not a regular file", result.StandardError, StringComparison.Ordinal);
    }

    // What every crash shares: exit code 3 and a CID9000 on standard error.
    private ProcessResult CrashGenerate(string moreOptions = "")
    {
        var result = RunInDeletedFolder(moreOptions.Length == 0 ? Generate : Generate + " " + moreOptions);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error CID9000:", result.StandardError, StringComparison.Ordinal);
        return result;
    }

    // The current folder deleted under the tool: .NET throws from getcwd, which no command expects.
    private ProcessResult RunInDeletedFolder(string arguments)
    {
        var gone = Directory.CreateDirectory(Path.Combine(Folder.Path, "gone")).FullName;
        return ProcessRunner.Run("bash", new[] { "-c", $"cd '{gone}' && rmdir '{gone}' && exec '{Tool.Executable}' {arguments}" }, Folder.Path, NoColor, NeverBlocks);
    }
}
