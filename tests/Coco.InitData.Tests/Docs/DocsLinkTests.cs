namespace Coco.InitData.Tests.Docs;

/// <summary>Every relative link of the README, CONTRIBUTING.md and docs/ leads to a file, and to a heading GitHub anchors.</summary>
public sealed class DocsLinkTests
{
    /// <summary>The pages a reader follows links between, relative to the repository root.</summary>
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>("README.md", "CONTRIBUTING.md");
        foreach (var page in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add("docs/" + Path.GetFileName(page));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves_to_a_file_and_heading(string page)
    {
        var folder = Path.GetDirectoryName(Path.Combine(RepositoryPaths.Root, page))!;
        var broken = new List<string>();
        foreach (var target in Markdown.LinkTargets(GeneratedDocs.Read(page)))
        {
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? target : target[..hash];
            var path = file.Length == 0 ? Path.Combine(RepositoryPaths.Root, page) : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(file)));
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                broken.Add(target + ": no such file");
            }
            else if (hash >= 0 && path.EndsWith(".md", StringComparison.Ordinal) && !Markdown.Anchors(File.ReadAllText(path)).Contains(target[(hash + 1)..]))
            {
                broken.Add(target + ": no such heading");
            }
        }

        Assert.True(broken.Count == 0, page + ": " + string.Join("; ", broken));
    }

    [Fact]
    public void Heading_anchors_are_the_ones_github_makes()
    {
        const string page = "# Coco.InitData\n## Paths, and a Directory.Build.props shared by many projects\n```sh\n# not a heading\n```\n### `certs create`\n## Notes\n## Notes\n";

        Assert.Equal(
            new[] { "cocoinitdata", "paths-and-a-directorybuildprops-shared-by-many-projects", "certs-create", "notes", "notes-1" }.Order(StringComparer.Ordinal),
            Markdown.Anchors(page).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Links_inside_code_are_not_links()
    {
        const string page = "See [the tool](docs/tool.md#generate) and `[x](nowhere.md)`.\n```md\n[y](nowhere.md)\n```\n";

        Assert.Equal(new[] { "docs/tool.md#generate" }, Markdown.LinkTargets(page));
    }
}
