using Coco.InitData.Artifacts;

namespace Coco.InitData.Targets.Tests;

/// <summary>Published and cleaned outputs are exactly the files the task wrote, never a glob of the folder.</summary>
[Collection(nameof(MSBuildCollection))]
public sealed class ExactOutputsTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: {}\n";

    [Fact]
    public void A_removed_InitDataManifest_loses_its_annotated_copy_and_is_neither_published_nor_cleaned_again()
    {
        using var project = new TargetsProject();
        project.Write("k8s/a.yaml", Pod);
        project.Write("k8s/old/b.yaml", Pod.Replace("name: p", "name: b", StringComparison.Ordinal));
        project.WriteProject("""<InitDataManifest Include="k8s/**/*.yaml" />""");
        var first = project.Build();
        Assert.True(first.Success, string.Join("\n", first.Log.Errors.Select(e => e.Message)));
        Assert.True(File.Exists(Path.Combine(project.OutputPath, "k8s", "old", "b.yaml")));
        File.WriteAllText(Path.Combine(project.OutputPath, "someone-elses.txt"), "not ours");

        project.WriteProject("""<InitDataManifest Include="k8s/a.yaml" />""");
        var second = project.Build("Build", "GenerateInitData");

        Assert.True(second.Success);
        Assert.False(Directory.Exists(Path.Combine(project.OutputPath, "k8s", "old")), "the stale copy and its empty folder are pruned");
        Assert.Equal(new[] { "helm/values.yaml", "initdata.annotation", "initdata.json", "initdata.toml", "k8s/a.yaml", "kustomize/kustomization.yaml" }, project.RelativeOutputs(second.Instance));
        var clean = project.Build("Clean");
        Assert.True(clean.Success);
        Assert.Equal(new[] { "someone-elses.txt" }, Directory.GetFiles(project.OutputPath, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Fact]
    public void A_set_interrupted_after_its_commit_makes_the_next_build_run_the_task_and_complete_it()
    {
        using var project = new TargetsProject();
        project.WriteProject(string.Empty, "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>");
        Assert.True(project.Build().Success);

        // What a kill between two renames leaves: the journal, and no list.
        File.Delete(project.ListPath);
        File.WriteAllText(project.JournalPath, project.RootLine + "move\tinitdata.toml.0123456789abcdef0123456789abcdef.tmp\tinitdata.toml\nkeep\tinitdata.toml\n");

        var next = project.Build("Build", "GenerateInitData");

        Assert.True(next.Success);
        Assert.Contains("GenerateInitData", next.Log.TasksStarted);
        Assert.False(File.Exists(project.JournalPath));
        Assert.Equal(5, next.Instance.GetItems("InitDataGeneratedFile").Count);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: &s [*s]\n", "CID3062", 5)]
    [InlineData("apiVersion: v1\r\nkind: Pod\r\nmetadata: {\r\n\r\nname: c}\r\n", "CID3050", 3)]
    public void A_hostile_InitDataManifest_fails_the_build_with_a_code_at_its_line_instead_of_killing_it(string manifest, string code, int line)
    {
        using var project = new TargetsProject();
        var path = project.Write("k8s/app.yaml", manifest);
        project.WriteProject("""<InitDataManifest Include="k8s/app.yaml" />""");

        var (success, log, _, _) = project.Build();

        Assert.False(success);
        var error = Assert.Single(log.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.File);
        Assert.True(error.LineNumber >= line, error.Message);
        Assert.False(File.Exists(Path.Combine(project.OutputPath, "initdata.toml")));
    }
}
