using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;
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
    private const string Stamp = "app.initdata.123_-456.stamp";

    [Fact]
    public void Paths_with_MSBuild_and_XML_syntax_in_them_come_back_from_evaluation_unchanged()
    {
        using var directory = new TempDirectory("cid-state");
        var inputs = new[]
        {
            "/srv/certs/a;b.pem", "/srv/certs/$(Secret).pem", "/srv/certs/100%.pem", "/srv/certs/@(Items)'s.pem",
            "/srv/certs/<&>\".pem", "/srv/certs/*?.pem", "/srv/certs/ünï ćödé.pem",
        };
        var output = Path.Combine(directory.Path, "out;put %41");
        var written = new[] { "initdata.toml", "k8s/deploy (1).yaml", "k8s/$(x);@(y).yaml" }.Select(f => Path.Combine(output, f)).ToArray();
        var state = directory.Write("obj/app.initdata.state.props", "");
        File.WriteAllBytes(state, GenerationState.Render(Stamp, "sha256:ab", output, inputs, written));
        var project = directory.Write("app.proj", """
            <Project>
              <Import Project="obj/app.initdata.state.props" />
              <ItemGroup><_Input Include="$(_InitDataStateInputs)" /></ItemGroup>
            </Project>
            """);

        using var collection = new ProjectCollection();
        var evaluated = collection.LoadProject(project);

        Assert.Equal("sha256:ab", evaluated.GetPropertyValue("InitDataDigest"));
        Assert.Equal(Path.GetDirectoryName(state) + Path.DirectorySeparatorChar, evaluated.GetPropertyValue("_InitDataStampFolder"));
        Assert.Equal(Path.Combine(output, ArtifactWriter.ListFileName), evaluated.GetPropertyValue("_InitDataStateFileList"));
        Assert.Equal(inputs, evaluated.GetItems("_Input").Select(i => i.EvaluatedInclude));
        Assert.Equal(written, evaluated.GetItems("InitDataGeneratedFile").Select(i => i.EvaluatedInclude));
        var expectedWrites = new[] { state, Path.Combine(Path.GetDirectoryName(state)!, Stamp) }
            .Concat(written)
            .Append(Path.Combine(output, ArtifactWriter.ListFileName))
            .Append(Path.Combine(output, ArtifactWriter.LockFileName));
        Assert.Equal(expectedWrites, evaluated.GetItems("FileWrites").Select(i => i.EvaluatedInclude));
    }

    [Fact]
    public void A_generation_that_wrote_nothing_records_no_digest_and_no_artifacts()
    {
        using var directory = new TempDirectory("cid-state");
        var state = directory.Write("obj/app.initdata.state.props", "");
        File.WriteAllBytes(state, GenerationState.Render(Stamp, null, Path.Combine(directory.Path, "out"), Array.Empty<string>(), Array.Empty<string>()));
        var project = directory.Write("app.proj", """<Project><Import Project="obj/app.initdata.state.props" /></Project>""");

        using var collection = new ProjectCollection();
        var evaluated = collection.LoadProject(project);

        // Still a state (the build hook reads _InitDataStampFolder as "a state exists"), listing only itself and its stamp.
        Assert.NotEqual(string.Empty, evaluated.GetPropertyValue("_InitDataStampFolder"));
        Assert.Equal(string.Empty, evaluated.GetPropertyValue("_InitDataStateFileList"));
        Assert.Equal(string.Empty, evaluated.GetPropertyValue("InitDataDigest"));
        Assert.Empty(evaluated.GetItems("InitDataGeneratedFile"));
        Assert.Equal(new[] { "app.initdata.state.props", Stamp }, evaluated.GetItems("FileWrites").Select(i => Path.GetFileName(i.EvaluatedInclude)));
    }

    [Fact]
    public void The_file_is_the_same_bytes_for_the_same_generation()
    {
        var first = GenerationState.Render(Stamp, null, "/out", new[] { "/a.pem" }, Array.Empty<string>());
        var second = GenerationState.Render(Stamp, null, "/out", new[] { "/a.pem" }, Array.Empty<string>());

        Assert.Equal(first, second);
        Assert.DoesNotContain((byte)'\r', first);
        Assert.NotEqual(0xEF, first[0]);
    }

    [Fact]
    public void Writing_a_new_stamp_removes_the_projects_earlier_stamps_and_no_other_file()
    {
        using var directory = new TempDirectory("cid-state");
        var state = Path.Combine(directory.Path, "obj", "app.initdata.state.props");
        var earlier = directory.Write("obj/app.initdata.1_2.stamp", "");
        var otherProject = directory.Write("obj/other.initdata.1_2.stamp", "");
        var unrelated = directory.Write("obj/app.initdata.notes.txt", "");
        var diagnostics = new DiagnosticBag();

        var recorded = GenerationState.Write(state, Stamp, "sha256:ab", Path.Combine(directory.Path, "out"), Array.Empty<string>(), Array.Empty<string>(), diagnostics);

        Assert.Empty(diagnostics.Items);
        var output = Path.Combine(directory.Path, "out");
        Assert.Equal(new[] { state, Path.Combine(directory.Path, "obj", Stamp), Path.Combine(output, ArtifactWriter.ListFileName), Path.Combine(output, ArtifactWriter.LockFileName) }, recorded);
        Assert.True(File.Exists(Path.Combine(directory.Path, "obj", Stamp)));
        Assert.False(File.Exists(earlier));
        Assert.True(File.Exists(otherProject));
        Assert.True(File.Exists(unrelated));
        // The state is dated decades back (never the project's newest import), the stamp now (newer than every input).
        Assert.True(File.GetLastWriteTimeUtc(state) < DateTime.UtcNow.AddYears(-GenerationState.BackdatedYears + 1));
        Assert.True(File.GetLastWriteTimeUtc(Path.Combine(directory.Path, "obj", Stamp)) > DateTime.UtcNow.AddMinutes(-5));
    }
}
