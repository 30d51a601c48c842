using Coco.InitData.Diagnostics;
using Coco.InitData.Tasks;

namespace Coco.InitData.Targets.Tests;

/// <summary>
/// What a generation records is read back by MSBuild itself in the real targets (a property function, ReadLinesFromFile),
/// so MSBuild is the oracle: a skipped generation must give back exactly what the task gave, whatever a path holds.
/// </summary>
[Collection(nameof(MSBuildCollection))]
public sealed class GenerationStateTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: {}\n";

    [Fact]
    public void Files_with_MSBuild_syntax_in_their_names_come_back_from_a_skipped_generation_unchanged()
    {
        // A skipped generation returns the set's list, read by MSBuild's ReadLinesFromFile: the names must survive it.
        using var project = new TargetsProject();
        var names = new[] { "k8s/a;b.yaml", "k8s/$(x)@(y).yaml", "k8s/100%41.yaml", "k8s/%(Identity)'s.yaml", "k8s/ünï ćödé (1).yaml" };
        foreach (var name in names)
        {
            project.Write(name, Pod);
        }

        project.WriteProject("""<InitDataManifest Include="k8s/**/*.yaml" />""");
        var generated = project.Build("Build", "GenerateInitData");

        var skipped = project.Build("Build", "GenerateInitData");

        Assert.True(generated.Success, string.Join("\n", generated.Log.Errors.Select(e => e.Message)));
        Assert.Contains("GenerateInitData", generated.Log.TasksStarted);
        Assert.DoesNotContain("GenerateInitData", skipped.Log.TasksStarted);
        Assert.Equal(generated.Instance.GetPropertyValue("InitDataDigest"), skipped.Instance.GetPropertyValue("InitDataDigest"));
        var expected = names.Concat(new[] { "helm/values.yaml", "initdata.annotation", "initdata.json", "initdata.toml", "kustomize/kustomization.yaml" }).Order(StringComparer.Ordinal);
        Assert.Equal(expected, project.RelativeOutputs(generated.Instance));
        Assert.Equal(expected, project.RelativeOutputs(skipped.Instance));
    }

    [Fact]
    public void A_generation_that_wrote_nothing_reads_back_as_no_digest_and_no_file()
    {
        using var project = new TargetsProject();
        // Nothing declared: the build writes an empty stamp, and the marker.
        project.WriteProject(string.Empty, "<InitDataKbsUrl></InitDataKbsUrl>");
        Assert.True(project.Build().Success);
        var stamp = Path.Combine(project.Directory, "obj", "app.initdata.stamp");

        var again = project.Build("GenerateInitData");

        Assert.Equal(0, new FileInfo(stamp).Length);
        Assert.True(again.Success, string.Join("\n", again.Log.Errors.Select(e => e.Message)));
        Assert.Equal(string.Empty, again.Instance.GetPropertyValue("InitDataDigest"));
        Assert.Empty(again.Instance.GetItems("InitDataGeneratedFile"));
    }

    [Fact]
    public void Writing_the_stamp_after_artifacts_removes_the_marker_and_leaves_other_files()
    {
        using var directory = new TempDirectory("cid-state");
        var stamp = Path.Combine(directory.Path, "obj", "app.initdata.stamp");
        var marker = directory.Write("obj/app.initdata.none", "");
        var otherProject = directory.Write("obj/other.initdata.stamp", "");
        var unrelated = directory.Write("obj/app.initdata.notes.txt", "");
        var diagnostics = new DiagnosticBag();

        var written = GenerationState.Write(Path.Combine(directory.Path, "obj", "app.initdata."), null, "sha256:ab", [], diagnostics);

        Assert.True(written);
        Assert.Empty(diagnostics.Items);
        Assert.True(File.Exists(stamp));
        Assert.False(File.Exists(marker), "artifacts were written: the project no longer declares nothing");
        Assert.True(File.Exists(otherProject));
        Assert.True(File.Exists(unrelated));
    }

    [Fact]
    public void Writing_the_stamp_writes_the_inputs_cache_and_removes_those_of_earlier_inputs_only()
    {
        using var directory = new TempDirectory("cid-state");
        var prefix = Path.Combine(directory.Path, "obj", "app.initdata.");
        var earlier = directory.Write("obj/app.initdata.-17.inputs.cache", "");
        var otherProject = directory.Write("obj/other.initdata.-17.inputs.cache", "");
        var cache = prefix + "42.inputs.cache";

        Assert.True(GenerationState.Write(prefix, cache, "sha256:ab", [], new DiagnosticBag()));

        Assert.True(File.Exists(cache));
        Assert.False(File.Exists(earlier), "the cache of earlier inputs goes, so that a return to them generates again");
        Assert.True(File.Exists(otherProject));
        // The stamp is written last: a cache newer than it would make the next build generate again.
        Assert.True(File.GetLastWriteTimeUtc(cache) <= File.GetLastWriteTimeUtc(prefix + "stamp"));
    }

    [Fact]
    public void Writing_nothing_sets_the_marker_the_build_hook_looks_for()
    {
        using var directory = new TempDirectory("cid-state");
        var stamp = Path.Combine(directory.Path, "obj", "app.initdata.stamp");

        Assert.True(GenerationState.Write(Path.Combine(directory.Path, "obj", "app.initdata."), null, null, [], new DiagnosticBag()));

        Assert.True(File.Exists(Path.Combine(directory.Path, "obj", "app.initdata.none")));
        Assert.Equal(0, new FileInfo(stamp).Length);
    }
}

/// <summary>The task escapes item specs itself (it runs without Microsoft.Build.dll); MSBuild's own escaping is the oracle.</summary>
[Collection(nameof(MSBuildCollection))]
public sealed class ItemSpecsTests
{
    [Theory]
    [InlineData("/srv/k8s/plain.yaml")]
    [InlineData("/srv/k8s/a;b.yaml")]
    [InlineData("/srv/k8s/100%41.yaml")]
    [InlineData("/srv/k8s/$(x)@(y)%(z)'s *?.yaml")]
    [InlineData("/srv/k8s/ünï ćödé (1).yaml")]
    public void Escaping_is_MSBuilds_and_the_item_gives_back_the_path(string path)
    {
        Assert.Equal(Microsoft.Build.Evaluation.ProjectCollection.Escape(path), ItemSpecs.Escape(path), ignoreCase: true);
        Assert.Equal(path, ItemSpecs.ForFile(path).ItemSpec);
    }
}
