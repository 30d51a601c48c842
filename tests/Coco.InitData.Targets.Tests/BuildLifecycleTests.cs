using static Coco.InitData.Targets.Tests.IncrementalBuildTests;

namespace Coco.InitData.Targets.Tests;

/// <summary>
/// The build/ targets in-process, over a project's life: InitData turned off and on, a moved output folder, dotnet clean,
/// and a project that declares nothing (the hook's one-condition path).
/// </summary>
[Collection(nameof(MSBuildCollection))]
public sealed class BuildLifecycleTests
{
    [Fact]
    public void InitDataEnabled_false_skips_everything()
    {
        using var project = NewProject("<InitDataEnabled>false</InitDataEnabled>");

        var (success, log, _, _) = project.Build();

        Assert.True(success);
        Assert.DoesNotContain("GenerateInitData", log.TasksStarted);
        Assert.False(Directory.Exists(project.OutputPath));
    }

    [Fact]
    public void With_InitData_off_nothing_runs_and_the_earlier_artifacts_stay_until_clean()
    {
        using var project = NewProject();
        project.Build();

        project.WriteProject(Registry, "<InitDataEnabled>false</InitDataEnabled>");
        var off = project.Build();
        var kept = File.Exists(Path.Combine(project.OutputPath, "initdata.toml"));
        var clean = project.Build("Clean");

        Assert.True(off.Success);
        Assert.DoesNotContain(off.Log.TargetsStarted, t => t.Contains("InitData", StringComparison.Ordinal));
        Assert.Empty(off.Instance.GetItems("InitDataGeneratedFile"));
        Assert.Equal(string.Empty, off.Instance.GetPropertyValue("InitDataDigest"));
        Assert.True(kept);
        Assert.True(clean.Success, string.Join("\n", clean.Log.Errors.Select(e => e.Message)));
        Assert.False(Directory.Exists(project.OutputPath));
        AssertNoStateBeyondFileWrites(project);
    }

    [Fact]
    public void Clean_removes_what_the_stamps_list_and_the_states_own_files_and_leaves_anyone_elses()
    {
        using var project = NewProject();
        project.Build();
        var someoneElses = project.Write("bin/initdata/notes.txt", "not ours");
        var objOther = project.Write("obj/app.other.cache", "not ours");

        var clean = project.Build("Clean");

        Assert.True(clean.Success, string.Join("\n", clean.Log.Errors.Select(e => e.Message)));
        Assert.Equal(new[] { someoneElses }, Directory.GetFiles(project.OutputPath, "*", SearchOption.AllDirectories));
        Assert.Contains(objOther, Directory.GetFiles(Path.Combine(project.Directory, "obj")));
        AssertNoStateBeyondFileWrites(project);
    }

    [Fact]
    public void Moving_InitDataOutputPath_removes_the_set_left_in_the_old_folder_and_nothing_else_there()
    {
        using var project = NewProject();
        project.Build();
        var someoneElses = project.Write("bin/initdata/notes.txt", "not ours");

        project.WriteProject(Registry, "<InitDataOutputPath>deploy/initdata</InitDataOutputPath>");
        var moved = project.Build();
        var clean = project.Build("Clean");

        Assert.True(moved.Success, string.Join("\n", moved.Log.Errors.Select(e => e.Message)));
        Assert.Equal(new[] { someoneElses }, Directory.GetFiles(project.OutputPath, "*", SearchOption.AllDirectories));
        Assert.True(clean.Success);
        Assert.False(Directory.Exists(Path.Combine(project.Directory, "deploy", "initdata")));
        AssertNoStateBeyondFileWrites(project);
    }

    [Fact]
    public void InitDataOutputPath_moves_the_artifacts()
    {
        using var project = NewProject("<InitDataOutputPath>deploy/initdata</InitDataOutputPath>");

        var (success, _, _, _) = project.Build();

        Assert.True(success);
        Assert.True(File.Exists(Path.Combine(project.Directory, "deploy", "initdata", "initdata.toml")));
    }

    [Fact]
    public void A_project_that_declares_nothing_warns_once_and_then_runs_no_InitData_target()
    {
        using var project = new TargetsProject();
        project.WriteProject(string.Empty, NothingDeclared);

        var first = project.Build();
        var second = project.Build();

        Assert.True(first.Success);
        Assert.Equal("CID1031", Assert.Single(first.Log.Warnings).Code);
        Assert.Contains("GenerateInitData", first.Log.TasksStarted);
        Assert.True(second.Success);
        Assert.Empty(second.Log.Warnings);
        Assert.DoesNotContain(second.Log.TargetsStarted, t => t.Contains("InitData", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(project.Directory, "obj", "app.initdata.none")));
        Assert.False(Directory.Exists(project.OutputPath));
    }

    [Fact]
    public void Declaring_something_after_nothing_generates_and_declaring_nothing_again_takes_the_full_path_once()
    {
        using var project = new TargetsProject();
        project.Write("certs/ca.pem", TestPki.Root().Pem);
        project.WriteProject(string.Empty, NothingDeclared);
        project.Build();
        project.Build();

        project.WriteProject(Registry);
        var declared = project.Build();
        var toml = Path.Combine(project.OutputPath, "initdata.toml");
        var generated = File.Exists(toml);
        project.WriteProject(string.Empty, NothingDeclared);
        var removed = project.Build();
        var quiet = project.Build();

        Assert.True(declared.Success, string.Join("\n", declared.Log.Errors.Select(e => e.Message)));
        Assert.Contains("GenerateInitData", declared.Log.TasksStarted);
        Assert.True(generated);
        // No "nothing written" marker since the generation, so the build takes the full path once: the task removes the
        // set it wrote, returns no artifact and sets the marker.
        Assert.Contains("GenerateInitData", removed.Log.TasksStarted);
        Assert.Empty(removed.Instance.GetItems("InitDataGeneratedFile"));
        Assert.False(File.Exists(toml));
        Assert.True(File.Exists(Path.Combine(project.Directory, "obj", "app.initdata.none")));
        Assert.DoesNotContain(quiet.Log.TargetsStarted, t => t.Contains("InitData", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<InitDataKbcName>offline_fs_kbc</InitDataKbcName>")]
    [InlineData("<InitDataPolicyFile>policy.rego</InitDataPolicyFile>")]
    public void A_setting_that_declares_something_is_never_skipped_as_nothing_declared(string setting)
    {
        using var project = new TargetsProject();
        project.Write("policy.rego", "package agent_policy\ndefault AllowRequestsFailingPolicy := true\n");
        project.WriteProject(string.Empty, NothingDeclared);
        project.Build();
        project.Build();
        project.WriteProject(string.Empty, NothingDeclared + setting);

        var (success, log, _, _) = project.Build();

        Assert.Contains("GenerateInitData", log.TasksStarted);
        Assert.True(success, string.Join("\n", log.Errors.Select(e => e.Message)));
        Assert.DoesNotContain(log.Warnings, w => w.Code == "CID1031");
    }
}
