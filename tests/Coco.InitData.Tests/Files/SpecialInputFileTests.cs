using Coco.InitData.Tasks;
using Coco.InitData.Tests.Tasks;

namespace Coco.InitData.Tests.Files;

/// <summary>Only regular files are read, in the build too: a FIFO never blocks it, a directory is named as one.</summary>
[Trait("Category", "EndToEnd")]
public sealed class SpecialInputFileTests
{
    // Before the fix the task's open(2) of a FIFO waited for a writer forever; the test would hang here.
    private static readonly TimeSpan NeverBlocks = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("policy")]
    [InlineData("kbs")]
    [InlineData("certificate")]
    public async Task A_fifo_as_an_input_fails_the_build_at_once_with_CID1016(string input)
    {
        using var dir = new TempDirectory();
        var fifo = Path.Combine(dir.Path, "input.fifo");
        Assert.Equal(0, ProcessRunner.Run("mkfifo", new[] { fifo }).ExitCode);
        var engine = new FakeBuildEngine();
        var task = NewTask(engine, dir.Path, input, "input.fifo");

        var run = Task.Run(task.Execute);

        Assert.Same(run, await Task.WhenAny(run, Task.Delay(NeverBlocks)));
        Assert.False(await run);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CID1016", error.Code);
        Assert.Contains("is not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_as_a_certificate_is_reported_as_a_directory_not_as_missing()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "certs"));
        var engine = new FakeBuildEngine();
        var task = NewTask(engine, dir.Path, "certificate", "certs");

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("CID1015", error.Code);
        Assert.Contains("'certs' is a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regular_file_through_a_symbolic_link_is_still_read()
    {
        using var dir = new TempDirectory();
        var target = dir.Write("real/ca.pem", TestPki.Root().Pem);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "ca.pem"), target);

        Assert.Equal(InputPathKind.RegularFile, InputFiles.Classify(Path.Combine(dir.Path, "ca.pem")));
        Assert.Equal(InputPathKind.Directory, InputFiles.Classify(Path.Combine(dir.Path, "real")));
        Assert.Equal(InputPathKind.Missing, InputFiles.Classify(Path.Combine(dir.Path, "nothing.pem")));
        Assert.Equal(InputPathKind.Special, InputFiles.Classify("/dev/null"));
    }

    private static GenerateInitData NewTask(FakeBuildEngine engine, string directory, string input, string path)
    {
        var projectFile = Path.Combine(directory, "app.csproj");
        File.WriteAllText(projectFile, "<Project />\n");
        var task = GenerateInitDataTasks.For(engine, directory, projectFile);
        task.InitDataKbsUrl = "https://kbs.example.internal:8080";
        switch (input)
        {
            case "policy":
                task.InitDataPolicyFile = path;
                break;
            case "kbs":
                task.InitDataKbsCertificate = path;
                break;
            default:
                task.Certificates = new Microsoft.Build.Framework.ITaskItem[] { new EvaluatedItem(path, projectFile) };
                break;
        }

        return task;
    }
}
