using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// generate with options has no project folder: the current folder only resolves relative paths. The same command
/// with absolute paths writes the same bytes from any folder (initdata.json's <c>source</c> is the path as given,
/// never one relative to where the command ran, nor the machine path without its leading '/').
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class GenerateFromAnyFolderTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    [Fact]
    public void The_same_command_with_absolute_paths_writes_the_same_bytes_from_any_current_folder()
    {
        var ca = Folder.Write("certs/ca.pem", TestPki.Root("Any Folder Root").Pem);
        var elsewhere = Directory.CreateDirectory(Path.Combine(Folder.Path, "deep", "down")).FullName;
        var outputs = new List<string>();
        foreach (var (currentFolder, name) in new[] { (elsewhere, "a"), ("/", "b"), (Folder.Path, "c") })
        {
            var output = Path.Combine(Folder.Path, name);
            var result = Tool.Run(currentFolder, "generate", "--registry", "registry.example.internal:5000=" + ca, "--kbs-url", "https://kbs.example.internal:8080",
                "--validation-time", "2026-06-01T00:00:00Z", "-o", output);
            Assert.True(result.ExitCode == 0, result.Output);
            outputs.Add(output);
        }

        var sources = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outputs[0], "initdata.json"))).RootElement
            .GetProperty("certificates").EnumerateArray().Select(c => c.GetProperty("source").GetString()).ToList();
        Assert.Equal(ca.Replace('\\', '/'), Assert.Single(sources));
        foreach (var output in outputs.Skip(1))
        {
            var files = Directory.GetFiles(outputs[0], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(outputs[0], f)).Order().ToList();
            Assert.Equal(files, Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order().ToList());
            foreach (var file in files)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(outputs[0], file)).SequenceEqual(File.ReadAllBytes(Path.Combine(output, file))), file + " differs");
            }
        }
    }
}
