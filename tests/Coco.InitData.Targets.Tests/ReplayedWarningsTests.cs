namespace Coco.InitData.Targets.Tests;

/// <summary>A warning of the last generation is said again on every build that skips it, with its code and place.</summary>
[Collection(nameof(MSBuildCollection))]
public sealed class ReplayedWarningsTests
{
    [Fact]
    public void A_build_with_nothing_to_do_repeats_the_last_generations_warnings_at_their_place()
    {
        using var project = new TargetsProject();
        project.WriteProject("""<InitDataRegistry Include="registry.example.internal:5000" Insecure="true" />""");

        var generating = project.Build();
        var noOp = project.Build();

        Assert.True(generating.Success);
        var first = Assert.Single(generating.Log.Warnings, w => w.Code == "CID1025");
        Assert.DoesNotContain("GenerateInitData", noOp.Log.TasksStarted);
        var again = Assert.Single(noOp.Log.Warnings, w => w.Code == "CID1025");
        Assert.Equal((first.File, first.LineNumber, first.ColumnNumber, first.Message), (again.File, again.LineNumber, again.ColumnNumber, again.Message));
    }

    [Fact]
    public void A_project_whose_generation_warned_of_nothing_replays_nothing_and_runs_no_task()
    {
        using var project = new TargetsProject();
        project.WriteProject(string.Empty);

        Assert.True(project.Build().Success);
        var noOp = project.Build();

        Assert.Empty(noOp.Log.Warnings);
        Assert.Empty(noOp.Log.TasksStarted);
        Assert.Empty(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "*.warnings"));
    }

    [Fact]
    public void NoWarn_silences_a_replayed_warning_as_it_does_the_first_one()
    {
        using var project = new TargetsProject();
        project.WriteProject("""<InitDataRegistry Include="registry.example.internal:5000" Insecure="true" />""", "<MSBuildWarningsAsMessages>CID1025</MSBuildWarningsAsMessages>");

        Assert.True(project.Build().Success);
        var noOp = project.Build();

        Assert.DoesNotContain(noOp.Log.Warnings, w => w.Code == "CID1025");
    }

    [Fact]
    public void The_recorded_warnings_are_FileWrites_on_every_build_so_clean_removes_them()
    {
        using var project = new TargetsProject();
        project.WriteProject("""<InitDataRegistry Include="registry.example.internal:5000" Insecure="true" />""");
        var first = project.Build();
        var warnings = Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "*.warnings"));

        var second = project.Build();

        // Listed by the generating build and the one that skipped it alike: IncrementalClean keeps it, Clean removes it.
        Assert.Contains(first.Instance.GetItems("FileWrites"), i => i.EvaluatedInclude == warnings);
        Assert.Contains(second.Instance.GetItems("FileWrites"), i => i.EvaluatedInclude == warnings);
    }
}
