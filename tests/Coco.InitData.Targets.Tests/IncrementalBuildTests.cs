using Coco.InitData.Tasks;

namespace Coco.InitData.Targets.Tests;

[CollectionDefinition(nameof(MSBuildCollection), DisableParallelization = true)]
public sealed class MSBuildCollection
{
}

/// <summary>The build/ targets in-process: hook, outputs, FileWrites, the skip on a second build, and what regenerates.</summary>
[Collection(nameof(MSBuildCollection))]
public sealed class IncrementalBuildTests
{
    private const string Registry = """<InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" />""";

    [Fact]
    public void Build_generates_the_artifacts_returns_them_and_records_them_for_clean()
    {
        using var project = NewProject();

        var (success, log, instance, _) = project.Build();

        Assert.True(success, string.Join("\n", log.Errors.Select(e => e.Message)));
        Assert.Single(log.TasksStarted, t => t == "GenerateInitData");
        Assert.Matches("^sha256:[0-9a-f]{64}$", instance.GetPropertyValue("InitDataDigest"));
        var generated = instance.GetItems("InitDataGeneratedFile").Select(i => Path.GetFileName(i.EvaluatedInclude)).Order().ToList();
        Assert.Equal(new[] { "ca.crt", "hosts.toml", "initdata.annotation", "initdata.json", "initdata.toml" }, generated);
        var writes = instance.GetItems("FileWrites").Select(i => Path.GetFileName(i.EvaluatedInclude)).ToList();
        Assert.Contains("initdata.toml", writes);
        Assert.Contains("app.initdata.state.props", writes);
        var stamp = Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "app.initdata.*.stamp"));
        Assert.Contains(Path.GetFileName(stamp), writes);
    }

    [Fact]
    public void The_GenerateInitData_target_returns_the_files_to_a_caller()
    {
        using var project = NewProject();

        var (success, _, _, results) = project.Build("GenerateInitData");

        Assert.True(success);
        Assert.Equal(5, results["GenerateInitData"].Items.Length);
    }

    [Fact]
    public void A_second_build_with_nothing_changed_runs_no_InitData_task_and_still_knows_the_digest()
    {
        using var project = NewProject();
        var first = project.Build();

        var second = project.Build();

        // Not one task: the digest and the outputs come from the state file the project's evaluation imported.
        Assert.Empty(second.Log.TasksStarted);
        Assert.Equal(first.Instance.GetPropertyValue("InitDataDigest"), second.Instance.GetPropertyValue("InitDataDigest"));
        Assert.Equal(5, second.Instance.GetItems("InitDataGeneratedFile").Count);
        Assert.Equal(
            first.Instance.GetItems("InitDataGeneratedFile").Select(i => i.EvaluatedInclude).Order(),
            second.Instance.GetItems("InitDataGeneratedFile").Select(i => i.EvaluatedInclude).Order());
        Assert.Contains("containerd/certs.d/registry.example.internal_5000_/hosts.toml", project.RelativeOutputs(second.Instance));
    }

    [Fact]
    public void Changing_a_pem_file_regenerates()
    {
        using var project = NewProject();
        var first = project.Build();
        var pem = project.Write("certs/ca.pem", TestPki.Root("Renewed CA").Pem);
        File.SetLastWriteTimeUtc(pem, DateTime.UtcNow.AddMinutes(1));

        var second = project.Build();

        Assert.Contains("GenerateInitData", second.Log.TasksStarted);
        Assert.NotEqual(first.Instance.GetPropertyValue("InitDataDigest"), second.Instance.GetPropertyValue("InitDataDigest"));
    }

    [Fact]
    public void Changing_item_metadata_or_a_property_regenerates()
    {
        using var project = NewProject();
        project.Build();
        project.WriteProject(Registry.Replace("/>", "Insecure=\"true\" />", StringComparison.Ordinal));

        var afterMetadata = project.Build();
        project.WriteProject(Registry.Replace("/>", "Insecure=\"true\" />", StringComparison.Ordinal), "<InitDataAlgorithm>sha384</InitDataAlgorithm>");
        var afterProperty = project.Build();

        Assert.Contains("GenerateInitData", afterMetadata.Log.TasksStarted);
        Assert.Contains("GenerateInitData", afterProperty.Log.TasksStarted);
        Assert.StartsWith("sha384:", afterProperty.Instance.GetPropertyValue("InitDataDigest"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_with_semicolons_and_commas_reaches_the_task_whole()
    {
        // The settings are "Name=Value" items of the task's call: a ';' in a value must not start another item.
        using var project = NewProject(
            "<InitDataHttpsProxy>http://proxy.example.internal:3128</InitDataHttpsProxy>" +
            "<InitDataNoProxy>a.example,b.example</InitDataNoProxy>" +
            "<InitDataUnqualifiedSearchRegistries>r1.example;r2.example</InitDataUnqualifiedSearchRegistries>");

        var (success, log, _, _) = project.Build();

        Assert.True(success, string.Join("\n", log.Errors.Select(e => e.Message)));
        var document = File.ReadAllText(Path.Combine(project.OutputPath, "initdata.toml"));
        Assert.Contains("a.example,b.example", document, StringComparison.Ordinal);
        Assert.Contains("r1.example", document, StringComparison.Ordinal);
        Assert.Contains("r2.example", document, StringComparison.Ordinal);
    }

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
    public void A_failing_build_writes_no_artifact_and_reports_the_item_line()
    {
        using var project = new TargetsProject();
        project.WriteProject("""<InitDataRegistry Include="https://registry.example.internal" />""");

        var (success, log, _, _) = project.Build();

        Assert.False(success);
        var error = Assert.Single(log.Errors);
        Assert.Equal("CID1001", error.Code);
        Assert.Equal(project.ProjectPath, error.File);
        var itemLine = Array.FindIndex(File.ReadAllLines(project.ProjectPath), l => l.Contains("<InitDataRegistry Include", StringComparison.Ordinal)) + 1;
        Assert.Equal(itemLine, error.LineNumber);
        Assert.False(File.Exists(Path.Combine(project.OutputPath, "initdata.toml")));
    }

    [Fact]
    public void A_failed_generation_keeps_the_last_state_and_is_tried_again_by_the_next_build()
    {
        using var project = NewProject();
        project.Build();
        var state = Path.Combine(project.Directory, "obj", "app.initdata.state.props");
        var recorded = File.ReadAllBytes(state);
        project.WriteProject("""<InitDataRegistry Include="https://registry.example.internal" />""");

        var failed = project.Build();
        var again = project.Build();
        project.WriteProject(Registry);
        var restored = project.Build();

        Assert.False(failed.Success);
        Assert.Equal(recorded, File.ReadAllBytes(state));
        Assert.False(again.Success);
        Assert.Contains("GenerateInitData", again.Log.TasksStarted);
        // Back to the settings the state records, with its artifacts untouched: nothing to do.
        Assert.True(restored.Success);
        Assert.Empty(restored.Log.TasksStarted);
        Assert.True(File.GetLastWriteTimeUtc(state) < DateTime.UtcNow.AddYears(-GenerationState.BackdatedYears + 1));
    }

    [Fact]
    public void A_state_without_its_stamp_or_a_stamp_without_its_state_makes_the_next_build_generate()
    {
        using var project = NewProject();
        project.Build();
        var obj = Path.Combine(project.Directory, "obj");
        var stamp = Assert.Single(Directory.GetFiles(obj, "app.initdata.*.stamp"));
        var state = Path.Combine(obj, "app.initdata.state.props");

        File.Delete(stamp);
        var withoutStamp = project.Build();
        File.Delete(state);
        var withoutState = project.Build();
        var after = project.Build();

        Assert.Contains("GenerateInitData", withoutStamp.Log.TasksStarted);
        // The stamp is there again, but the state is not: the outputs name the stamp through the state's own folder.
        Assert.True(File.Exists(stamp));
        Assert.Contains("GenerateInitData", withoutState.Log.TasksStarted);
        Assert.Empty(after.Log.TasksStarted);
        Assert.Equal(5, after.Instance.GetItems("InitDataGeneratedFile").Count);
    }

    [Fact]
    public void A_state_file_of_an_earlier_version_makes_the_first_build_generate_and_is_replaced()
    {
        using var project = NewProject();
        project.Build();
        // Stop 18's format: a settings hash and relative items; no stamp folder, no stamp.
        var obj = Path.Combine(project.Directory, "obj");
        foreach (var stamp in Directory.GetFiles(obj, "app.initdata.*.stamp"))
        {
            File.Delete(stamp);
        }

        var state = Path.Combine(obj, "app.initdata.state.props");
        File.WriteAllText(state, """
            <Project>
              <PropertyGroup>
                <_InitDataStateHash>1_2</_InitDataStateHash>
                <_InitDataStateDigest>sha256:00</_InitDataStateDigest>
              </PropertyGroup>
              <ItemGroup>
                <FileWrites Include="$(MSBuildThisFileFullPath)" />
                <_InitDataListedFile Include="initdata.toml" InitDataRelativePath="initdata.toml" />
              </ItemGroup>
            </Project>
            """);

        var upgraded = project.Build();
        var next = project.Build();

        Assert.True(upgraded.Success);
        Assert.Contains("GenerateInitData", upgraded.Log.TasksStarted);
        Assert.Matches("^sha256:[0-9a-f]{64}$", upgraded.Instance.GetPropertyValue("InitDataDigest"));
        Assert.Contains("_InitDataStampFolder", File.ReadAllText(state), StringComparison.Ordinal);
        Assert.Empty(next.Log.TasksStarted);
    }

    [Fact]
    public void With_InitData_off_the_state_is_not_imported_so_nothing_keeps_the_artifacts_from_IncrementalClean()
    {
        using var project = NewProject();
        project.Build();

        project.WriteProject(Registry, "<InitDataEnabled>false</InitDataEnabled>");
        var off = project.Build();

        Assert.True(off.Success);
        Assert.Empty(off.Log.TasksStarted);
        Assert.Empty(off.Instance.GetItems("InitDataGeneratedFile"));
        Assert.DoesNotContain(off.Instance.GetItems("FileWrites"), i => i.EvaluatedInclude.Contains("initdata", StringComparison.Ordinal));
        Assert.Equal(string.Empty, off.Instance.GetPropertyValue("InitDataDigest"));
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
        // IncrementalClean would delete a state file the build no longer names: the file names itself.
        var state = Path.Combine(project.Directory, "obj", "app.initdata.state.props");
        Assert.Contains(second.Instance.GetItems("FileWrites"), i => i.GetMetadataValue("FullPath") == state);
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
        // The state lists artifacts, so the build takes the full path once; it returns no artifact and names none in
        // FileWrites, so an SDK build's IncrementalClean deletes the old ones as orphans.
        Assert.Contains("GenerateInitData", removed.Log.TasksStarted);
        Assert.Empty(removed.Instance.GetItems("InitDataGeneratedFile"));
        Assert.DoesNotContain(removed.Instance.GetItems("FileWrites"), i => i.GetMetadataValue("FullPath") == toml);
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

    /// <summary>Clears the KBS URL <see cref="TargetsProject"/> declares, so that nothing is declared.</summary>
    private const string NothingDeclared = "<InitDataKbsUrl></InitDataKbsUrl>";

    private static TargetsProject NewProject(string properties = "")
    {
        var project = new TargetsProject();
        project.Write("certs/ca.pem", TestPki.Root().Pem);
        project.WriteProject(Registry, properties);
        return project;
    }
}
