using Coco.InitData.Tasks;
using Microsoft.Build.Evaluation;

namespace Coco.InitData.Targets.Tests;

/// <summary>
/// The state file is read by MSBuild's own evaluation, so MSBuild is the oracle: what the task records must come back
/// from an import as exactly the strings it wrote, whatever a path holds.
/// </summary>
[Collection(nameof(MSBuildCollection))]
public sealed class GenerationStateTests
{
    [Fact]
    public void Paths_with_MSBuild_and_XML_syntax_in_them_come_back_from_evaluation_unchanged()
    {
        using var directory = new TempDirectory("cid-state");
        var inputs = new[]
        {
            "/srv/certs/a;b.pem", "/srv/certs/$(Secret).pem", "/srv/certs/100%.pem", "/srv/certs/@(Items)'s.pem",
            "/srv/certs/<&>\".pem", "/srv/certs/*?.pem", "/srv/certs/ünï ćödé.pem",
        };
        var written = new[] { "initdata.toml", "k8s/deploy (1).yaml", "containerd/certs.d/registry.example.internal_5000_/hosts.toml" };
        var state = directory.Write("obj/app.initdata.state.props", "");
        File.WriteAllBytes(state, GenerationState.Render("123_-456", "sha256:ab", inputs, written));
        var project = directory.Write("app.proj", $"""<Project><Import Project="{Path.GetFileName(Path.GetDirectoryName(state))}/app.initdata.state.props" /></Project>""");

        using var collection = new ProjectCollection();
        var evaluated = collection.LoadProject(project);

        Assert.Equal("123_-456", evaluated.GetPropertyValue("_InitDataStateHash"));
        Assert.Equal("sha256:ab", evaluated.GetPropertyValue("_InitDataStateDigest"));
        Assert.Equal(inputs, evaluated.GetItems("_InitDataPreviousInput").Select(i => i.EvaluatedInclude));
        Assert.Equal(written, evaluated.GetItems("_InitDataListedFile").Select(i => i.EvaluatedInclude));
        Assert.Equal(written, evaluated.GetItems("_InitDataListedFile").Select(i => i.GetMetadataValue("InitDataRelativePath")));
        Assert.Equal(state, Assert.Single(evaluated.GetItems("FileWrites")).EvaluatedInclude);
    }

    [Fact]
    public void The_file_is_the_same_bytes_for_the_same_generation()
    {
        var first = GenerationState.Render("1_2", null, new[] { "/a.pem" }, Array.Empty<string>());
        var second = GenerationState.Render("1_2", null, new[] { "/a.pem" }, Array.Empty<string>());

        Assert.Equal(first, second);
        Assert.DoesNotContain((byte)'\r', first);
        Assert.NotEqual(0xEF, first[0]);
    }
}
