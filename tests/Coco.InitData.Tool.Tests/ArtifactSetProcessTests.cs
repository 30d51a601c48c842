using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Coco.InitData.Tool.Tests.Infrastructure;
using Coco.InitData.Transport;
using Xunit.Abstractions;

namespace Coco.InitData.Tool.Tests;

/// <summary>With real processes: coco-initdata generate killed at random moments, and two runs into one folder.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class ArtifactSetProcessTests(InstalledTool tool, ITestOutputHelper output) : ToolTestsWithAFolder(tool)
{
    private readonly ITestOutputHelper _output = output;

    [Fact]
    public void Generate_killed_at_random_moments_leaves_one_whole_set_once_the_next_run_has_run()
    {
        var random = new Random(33);
        var output = Path.Combine(Folder.Path, "out");
        var kills = 0;
        var tornRightAfter = 0;
        for (var k = 0; k < 20; k++)
        {
            var process = Start(Policy(k), output);
            Thread.Sleep(random.Next(50, 700));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                kills++;
            }

            process.WaitForExit();
            tornRightAfter += Directory.Exists(output) && File.Exists(Path.Combine(output, "initdata.toml")) && !WholeSet(output) ? 1 : 0;
        }

        var final = Start(Policy(99), output);
        final.WaitForExit();

        _output.WriteLine($"{kills} kills; torn right after a kill: {tornRightAfter}; after the next run: {(WholeSet(output) ? 0 : 1)}");
        Assert.Equal(0, final.ExitCode);
        Assert.True(WholeSet(output));
        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Two_generate_runs_into_one_folder_both_succeed_and_the_folder_holds_the_set_of_one_of_them()
    {
        var output = Path.Combine(Folder.Path, "shared");
        var digests = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var first = Start(Policy(2 * round), output);
            var second = Start(Policy((2 * round) + 1), output);
            var firstOut = first.StandardOutput.ReadToEnd();
            var secondOut = second.StandardOutput.ReadToEnd();
            first.WaitForExit();
            second.WaitForExit();

            Assert.True(first.ExitCode == 0, first.StandardError.ReadToEnd());
            Assert.True(second.ExitCode == 0, second.StandardError.ReadToEnd());
            var printed = new[] { firstOut, secondOut }.Select(o => o.Trim().Split(' ')[^1]).ToList();
            Assert.True(WholeSet(output));
            var onDisk = "sha256:" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(output, "initdata.toml")))).ToLowerInvariant();
            Assert.Contains(onDisk, printed);
            digests.AddRange(printed);
        }

        Assert.Equal(6, digests.Distinct().Count());
    }

    private string Policy(int variant)
    {
        // Large enough that writing takes a moment, small enough for the annotation limit once compressed.
        var text = new StringBuilder("package agent_policy\n\ndefault AllowRequestsFailingPolicy := false\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append("# rule ").Append(variant).Append(' ').Append(i).Append('\n');
        }

        return Folder.Write($"policy-{variant}.rego", text.ToString());
    }

    private Process Start(string policy, string output)
    {
        var info = new ProcessStartInfo(Tool.Executable)
        {
            WorkingDirectory = Folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "generate", "--kbs-url", "http://kbs.example.internal:8080", "--policy", policy, "-o", output })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NO_COLOR"] = "1";
        return Process.Start(info)!;
    }

    // The document, its annotation and the JSON manifest describe the same bytes.
    private static bool WholeSet(string output)
    {
        var toml = File.ReadAllBytes(Path.Combine(output, "initdata.toml"));
        var annotation = File.ReadAllText(Path.Combine(output, "initdata.annotation"));
        var json = File.ReadAllText(Path.Combine(output, "initdata.json"));
        return AnnotationCodec.TryDecode(annotation, out var decoded, out _) && decoded.AsSpan().SequenceEqual(toml)
            && json.Contains(Convert.ToHexString(SHA256.HashData(toml)).ToLowerInvariant(), StringComparison.Ordinal);
    }
}
