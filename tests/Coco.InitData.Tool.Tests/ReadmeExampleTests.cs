using System.Text.RegularExpressions;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>The example output lines of the README and the tool's page (docs/tool.md) are what the commands print.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed partial class ReadmeExampleTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    private readonly string _readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");
    private readonly string _toolPage = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "tool.md")).ReplaceLineEndings("\n");

    [Fact]
    public void Every_console_example_of_the_tool_page_prints_what_it_shows()
    {
        var examples = ConsoleExamples(_toolPage).ToList();

        Assert.NotEmpty(examples);
        foreach (var (commandLine, expected) in examples)
        {
            var arguments = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("coco-initdata", arguments[0]);

            var result = Tool.Run(RepositoryPaths.Root, arguments[1..]);

            // Standard error first: a finding is reported before the --json object that carries it.
            Assert.Equal(expected, result.StandardError + result.StandardOutput);
        }
    }

    [Fact]
    public void The_certs_create_example_lines_are_the_ones_it_prints()
    {
        var section = Section(_toolPage, "## certs create");
        var example = Regex.Match(section, "prints, after the files it wrote:\n\n```xml\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var command = Regex.Match(section, "\n(coco-initdata certs create --host [^\n]*)\n").Groups[1].Value;
        Assert.NotEmpty(example);

        var result = Tool.Run(Folder.Path, command.Split(' ')[1..]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains(example, result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_line_the_README_shows_is_the_one_the_sample_workload_prints()
    {
        // The Quick start itself is run literally by Coco.InitData.Tests' QuickStartTests; this is its summary line.
        var documented = Regex.Match(Section(_readme, "## Seeing the result"), "`(InitData: [^`]*) -> [^`]* sha256:\\.\\.\\.`").Groups[1].Value;
        Assert.NotEmpty(documented);

        var result = Tool.Run(RepositoryPaths.Root, "generate", "samples/Workload", "-o", Path.Combine(Folder.Path, "initdata"));

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.StartsWith(documented + " -> ", result.StandardOutput, StringComparison.Ordinal);
    }

    // "$ coco-initdata ..." lines of ```console blocks, each with the lines up to the next "$ " as its output.
    private static IEnumerable<(string Command, string Output)> ConsoleExamples(string section)
    {
        foreach (Match block in ConsoleBlock().Matches(section))
        {
            var lines = block.Groups[1].Value.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("$ ", StringComparison.Ordinal))
                {
                    continue;
                }

                var output = lines.Skip(i + 1).TakeWhile(l => !l.StartsWith("$ ", StringComparison.Ordinal)).ToList();
                yield return (lines[i][2..], string.Concat(output.Select(l => l + "\n")));
            }
        }
    }

    private static string Section(string page, string heading)
    {
        var start = page.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, heading + " is not in the page");
        var level = heading[..(heading.IndexOf(' ', StringComparison.Ordinal) + 1)];
        var end = page.IndexOf("\n" + level, start + heading.Length + 2, StringComparison.Ordinal);
        return page[start..(end < 0 ? page.Length : end)];
    }

    [GeneratedRegex("```console\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ConsoleBlock();
}
