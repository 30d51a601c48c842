namespace Coco.InitData.Targets.Tests;

[CollectionDefinition(nameof(MSBuildCollection), DisableParallelization = true)]
public sealed class MSBuildCollection
{
}

/// <summary>The build/ targets in-process: outputs, the stamp, the skip on a second build, and what regenerates.</summary>
[Collection(nameof(MSBuildCollection))]
public sealed class IncrementalBuildTests
{
    internal const string Registry = """<InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" />""";

    [Fact]
    public void Build_generates_the_artifacts_returns_them_and_lists_its_obj_files_not_the_set_in_FileWrites()
    {
        using var project = NewProject();

        var (success, log, instance, _) = project.Build("Build", "GenerateInitData");

        Assert.True(success, string.Join("\n", log.Errors.Select(e => e.Message)));
        Assert.Single(log.TasksStarted, t => t == "GenerateInitData");
        Assert.Matches("^sha256:[0-9a-f]{64}$", instance.GetPropertyValue("InitDataDigest"));
        var generated = instance.GetItems("InitDataGeneratedFile").Select(i => Path.GetFileName(i.EvaluatedInclude)).Order().ToList();
        Assert.Equal(new[] { "ca.crt", "hosts.toml", "initdata.annotation", "initdata.json", "initdata.toml", "kustomization.yaml", "values.yaml" }, generated);
        // The obj/ files are MSBuild's to clean; the set is removed by RemoveInitDataSet, which never follows a link.
        var fileWrites = instance.GetItems("FileWrites").Select(i => Path.GetRelativePath(project.Directory, i.EvaluatedInclude).Replace('\\', '/')).Order(StringComparer.Ordinal);
        var cache = Path.GetFileName(Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "app.initdata.*.inputs.cache")));
        var hash = cache["app.initdata.".Length..^".inputs.cache".Length];
        Assert.Matches("^-?[0-9]+$", hash);
        Assert.Equal(new[] { $"obj/app.initdata.{hash}.inputs.cache", "obj/app.initdata.stamp", "obj/app.initdata.stamp.warnings" }, fileWrites);
        Assert.True(File.Exists(Path.Combine(project.Directory, "obj", "app.initdata.stamp")));
        // The deployable folder holds the artifacts alone: the set's list and lock are the build's state, in obj/.
        Assert.Empty(Directory.EnumerateFileSystemEntries(project.OutputPath, ".*", SearchOption.AllDirectories));
        Assert.StartsWith(project.RootLine + "initdata.toml\n", File.ReadAllText(project.ListPath), StringComparison.Ordinal);
    }

    [Fact]
    public void The_GenerateInitData_target_returns_the_files_to_a_caller()
    {
        using var project = NewProject();

        var (success, _, _, results) = project.Build("GenerateInitData");

        Assert.True(success);
        Assert.Equal(7, results["GenerateInitData"].Items.Length);
    }

    [Fact]
    public void A_second_build_with_nothing_changed_runs_no_InitData_task_and_still_knows_the_digest()
    {
        using var project = NewProject();
        var first = project.Build("Build", "GenerateInitData");

        var second = project.Build();
        var asked = project.Build("Build", "GenerateInitData");

        // Not one task, no file read and no item.
        Assert.Empty(second.Log.TasksStarted);
        Assert.Empty(second.Instance.GetItems("InitDataGeneratedFile"));
        Assert.Equal(string.Empty, second.Instance.GetPropertyValue("InitDataDigest"));
        // Asked for, GenerateInitData gives the digest from the stamp and the files from the set's list.
        Assert.DoesNotContain("GenerateInitData", asked.Log.TasksStarted);
        Assert.Equal(first.Instance.GetPropertyValue("InitDataDigest"), asked.Instance.GetPropertyValue("InitDataDigest"));
        Assert.Equal(7, asked.Instance.GetItems("InitDataGeneratedFile").Count);
        Assert.Equal(project.RelativeOutputs(first.Instance), project.RelativeOutputs(asked.Instance));
        Assert.Contains("containerd/certs.d/registry.example.internal_5000_/hosts.toml", project.RelativeOutputs(asked.Instance));
    }

    [Fact]
    public void Changing_a_pem_file_regenerates()
    {
        using var project = NewProject();
        var first = project.Build("Build", "GenerateInitData");
        var pem = project.Write("certs/ca.pem", TestPki.Root("Renewed CA").Pem);
        File.SetLastWriteTimeUtc(pem, DateTime.UtcNow.AddMinutes(1));

        var second = project.Build("Build", "GenerateInitData");

        Assert.Contains("GenerateInitData", second.Log.TasksStarted);
        Assert.NotEqual(first.Instance.GetPropertyValue("InitDataDigest"), second.Instance.GetPropertyValue("InitDataDigest"));
    }

    [Fact]
    public void The_generation_targets_Inputs_name_every_file_the_engine_read()
    {
        // The Inputs are a second list of what the engine reads, derived from the declarations: the engine's own record
        // (InputFileLog, the task's InputFiles) is the oracle, with every kind of input file declared.
        using var project = new TargetsProject();
        var root = TestPki.Root();
        project.Write("certs/ca.pem", root.Pem);
        project.Write("certs/chain.pem", TestPki.Server(root, new[] { "registry.example.internal" }).Pem);
        project.Write("certs/extra.pem", TestPki.Root("Extra CA").Pem);
        project.Write("certs/kbs.pem", TestPki.Root("KBS CA").Pem);
        project.Write("policy.rego", "package agent_policy\ndefault AllowRequestsFailingPolicy := true\n");
        project.Write("k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: {}\n");
        project.WriteProject(
            """
            <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" ServerCertificate="certs/chain.pem" />
            <InitDataCertificate Include="certs/extra.pem" />
            <InitDataManifest Include="k8s/pod.yaml" />
            """,
            "<InitDataKbsUrl>https://kbs.example.internal:8080</InitDataKbsUrl><InitDataKbsCertificate>certs/kbs.pem</InitDataKbsCertificate><InitDataPolicyFile>policy.rego</InitDataPolicyFile>");

        var (success, log, instance, _) = project.Build();

        Assert.True(success, string.Join("\n", log.Errors.Select(e => e.Message)));
        var read = instance.GetItems("_InitDataReadFile").Select(i => i.GetMetadataValue("FullPath")).ToList();
        var inputs = instance.ExpandString(instance.Targets["_InitDataGenerateCore"].Inputs)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(i => Path.GetFullPath(i, project.Directory)).ToHashSet(StringComparer.Ordinal);
        Assert.True(read.Count == 6, string.Join("\n", read));
        Assert.All(read, file => Assert.Contains(file, inputs));
    }

    [Fact]
    public void Going_back_to_earlier_settings_regenerates_and_keeps_one_inputs_cache()
    {
        // GenerateInitData alone runs no IncrementalClean: the change itself removes the earlier inputs' cache, or
        // going back would find it older than the stamp and keep the other settings' artifacts.
        using var project = NewProject();
        var first = project.Build("GenerateInitData");
        project.WriteProject(Registry, "<InitDataAlgorithm>sha384</InitDataAlgorithm>");
        var changed = project.Build("GenerateInitData");
        project.WriteProject(Registry);

        var back = project.Build("GenerateInitData");

        Assert.StartsWith("sha384:", changed.Instance.GetPropertyValue("InitDataDigest"), StringComparison.Ordinal);
        Assert.Contains("GenerateInitData", back.Log.TasksStarted);
        Assert.Equal(first.Instance.GetPropertyValue("InitDataDigest"), back.Instance.GetPropertyValue("InitDataDigest"));
        Assert.Single(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "app.initdata.*.inputs.cache"));
    }

    [Fact]
    public void Changing_item_metadata_or_a_property_regenerates()
    {
        using var project = NewProject();
        project.Build();
        project.WriteProject(Registry.Replace("/>", "Insecure=\"true\" />", StringComparison.Ordinal));

        var afterMetadata = project.Build();
        project.WriteProject(Registry.Replace("/>", "Insecure=\"true\" />", StringComparison.Ordinal), "<InitDataAlgorithm>sha384</InitDataAlgorithm>");
        var afterProperty = project.Build("Build", "GenerateInitData");

        Assert.Contains("GenerateInitData", afterMetadata.Log.TasksStarted);
        Assert.Contains("GenerateInitData", afterProperty.Log.TasksStarted);
        Assert.StartsWith("sha384:", afterProperty.Instance.GetPropertyValue("InitDataDigest"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_day_is_part_of_the_settings_only_without_a_fixed_validation_time()
    {
        // Certificates are judged "now" only without InitDataValidationTime: then expiry must be checked again each day,
        // and otherwise a new day must not regenerate.
        using var fixedTime = NewProject();
        using var now = NewProject("<InitDataValidationTime></InitDataValidationTime>");

        var atFixedTime = fixedTime.Build();
        var atNow = now.Build();

        Assert.Equal(string.Empty, atFixedTime.Instance.GetPropertyValue("_InitDataValidationDay"));
        // The local day as MSBuild writes a DateTime (invariant culture), so it changes at this machine's midnight.
        Assert.Equal(DateTime.Today, DateTime.Parse(atNow.Instance.GetPropertyValue("_InitDataValidationDay"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("|" + atNow.Instance.GetPropertyValue("_InitDataValidationDay") + "|", atNow.Instance.GetPropertyValue("_InitDataSettings"), StringComparison.Ordinal);
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
    public void A_failed_generation_keeps_the_last_stamp_and_is_tried_again_by_the_next_build()
    {
        using var project = NewProject();
        project.Build();
        var state = Path.Combine(project.Directory, "obj", "app.initdata.stamp");
        var recorded = File.GetLastWriteTimeUtc(state);
        project.WriteProject("""<InitDataRegistry Include="https://registry.example.internal" />""");

        var failed = project.Build();
        var again = project.Build();
        var kept = File.GetLastWriteTimeUtc(state);
        project.WriteProject(Registry);
        var restored = project.Build();

        Assert.False(failed.Success);
        Assert.Equal(recorded, kept);
        Assert.False(again.Success);
        Assert.Contains("GenerateInitData", again.Log.TasksStarted);
        // Back to the first settings: a failed generation writes nothing (its inputs cache included), so the set, the
        // stamp and that settings' cache are still the first build's, and there is nothing to do.
        Assert.True(restored.Success);
        Assert.Empty(restored.Log.TasksStarted);
        Assert.Equal(recorded, File.GetLastWriteTimeUtc(state));
    }

    [Theory]
    [InlineData("stamp")]
    [InlineData("list")]
    [InlineData("output folder")]
    public void A_missing_stamp_list_or_output_folder_makes_the_next_build_generate(string missing)
    {
        using var project = NewProject();
        project.Build();
        var stamp = Path.Combine(project.Directory, "obj", "app.initdata.stamp");

        switch (missing)
        {
            case "stamp": File.Delete(stamp); break;
            case "list": File.Delete(project.ListPath); break;
            default: Directory.Delete(project.OutputPath, recursive: true); break;
        }

        var again = project.Build();
        var after = project.Build("Build", "GenerateInitData");

        Assert.True(again.Success, string.Join("\n", again.Log.Errors.Select(e => e.Message)));
        Assert.Contains("GenerateInitData", again.Log.TasksStarted);
        Assert.True(File.Exists(Path.Combine(project.OutputPath, "initdata.toml")));
        Assert.DoesNotContain("GenerateInitData", after.Log.TasksStarted);
        Assert.Equal(7, after.Instance.GetItems("InitDataGeneratedFile").Count);
    }

    /// <summary>Clears the KBS URL <see cref="TargetsProject"/> declares, so that nothing is declared.</summary>
    internal const string NothingDeclared = "<InitDataKbsUrl></InitDataKbsUrl>";

    internal static TargetsProject NewProject(string properties = "")
    {
        var project = new TargetsProject();
        project.Write("certs/ca.pem", TestPki.Root().Pem);
        project.WriteProject(Registry, properties);
        return project;
    }

    // This project's Clean is empty (no SDK): the SDK's Clean removes the FileWrites (CleanAndPublishTests checks it with
    // the real SDK); what is left for ours is every other file of the state.
    internal static void AssertNoStateBeyondFileWrites(TargetsProject project) =>
        Assert.Empty(Directory.GetFiles(Path.Combine(project.Directory, "obj"), "app.initdata.*")
            .Select(path => Path.GetFileName(path))
            .Where(name => !name!.EndsWith(".inputs.cache", StringComparison.Ordinal))
            .Except(new[] { "app.initdata.stamp", "app.initdata.stamp.warnings" }));
}
