using Coco.InitData.Settings;
using Microsoft.Build.Evaluation;

namespace Coco.InitData.Targets.Tests;

/// <summary>What an MSBuild user expects of a package's targets: visible defaults, a DependsOn hook, a clear host error.</summary>
[Collection(nameof(MSBuildCollection))]
public sealed class BuildIntegrationTests
{
    private const string Registry = """<InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" />""";

    public static TheoryData<string> SettingsWithDefaults => new(SettingCatalog.All.Where(s => s.Default is not null).Select(s => s.Property));

    [Theory]
    [MemberData(nameof(SettingsWithDefaults))]
    public void Every_default_is_a_property_of_the_evaluation_so_pp_and_binlogs_show_it(string property)
    {
        using var project = new TargetsProject();
        project.WriteProject(Registry);
        using var collection = new ProjectCollection();

        var evaluated = collection.LoadProject(project.ProjectPath);

        Assert.Equal(SettingCatalog.All.Single(s => s.Property == property).Default, evaluated.GetPropertyValue(property));
    }

    [Fact]
    public void A_value_the_project_sets_wins_over_the_default()
    {
        using var project = new TargetsProject();
        project.WriteProject(Registry, "<InitDataAlgorithm>sha512</InitDataAlgorithm>");
        using var collection = new ProjectCollection();

        Assert.Equal("sha512", collection.LoadProject(project.ProjectPath).GetPropertyValue("InitDataAlgorithm"));
    }

    [Fact]
    public void A_target_added_to_GenerateInitDataDependsOn_runs_before_generation_and_can_make_its_inputs()
    {
        // The CA is written by the user's own target (as a step that fetches it from a vault would): generation sees it.
        using var project = new TargetsProject();
        var pem = TestPki.Root().Pem.Replace("\n", "%0A", StringComparison.Ordinal);
        project.WriteProject(
            Registry + $"""
              </ItemGroup>
              <Target Name="FetchRegistryCa">
                <WriteLinesToFile File="certs/ca.pem" Lines="{pem}" Overwrite="true" />
              </Target>
              <ItemGroup>
            """,
            "<GenerateInitDataDependsOn>FetchRegistryCa;$(GenerateInitDataDependsOn)</GenerateInitDataDependsOn>");

        var (success, log, instance, _) = project.Build("Build", "GenerateInitData");

        Assert.True(success, string.Join("\n", log.Errors.Select(e => e.Message)));
        Assert.True(File.Exists(Path.Combine(project.Directory, "certs", "ca.pem")));
        // The user's WriteLinesToFile, then generation (which writes the inputs cache) and its call for the push CA bundle
        // (a project without container support: the bundle's target skips).
        Assert.Equal(new[] { "WriteLinesToFile", "GenerateInitData", "CallTarget" }, log.TasksStarted);
        Assert.Matches("^sha256:[0-9a-f]{64}$", instance.GetPropertyValue("InitDataDigest"));
    }

    [Fact]
    public void A_target_that_asks_for_GenerateInitData_after_the_build_sees_the_digest_and_files_on_every_build()
    {
        // The README's pattern for a target that uses what was generated: the same on a generating and a no-op build.
        using var project = new TargetsProject();
        project.Write("certs/ca.pem", TestPki.Root().Pem);
        project.WriteProject(
            Registry + """
              </ItemGroup>
              <Target Name="ChartValues" AfterTargets="Build" DependsOnTargets="GenerateInitData">
                <PropertyGroup><Seen>$(InitDataDigest) @(InitDataGeneratedFile->Count())</Seen></PropertyGroup>
              </Target>
              <ItemGroup>
            """);

        var generating = project.Build();
        var noOp = project.Build();

        Assert.Contains("GenerateInitData", generating.Log.TasksStarted);
        Assert.DoesNotContain("GenerateInitData", noOp.Log.TasksStarted);
        Assert.Matches("^sha256:[0-9a-f]{64} 7$", generating.Instance.GetPropertyValue("Seen"));
        Assert.Equal(generating.Instance.GetPropertyValue("Seen"), noOp.Instance.GetPropertyValue("Seen"));
    }

    [Fact]
    public void Generation_runs_alone_when_its_target_is_asked_for()
    {
        using var project = new TargetsProject();
        project.Write("certs/ca.pem", TestPki.Root().Pem);
        project.WriteProject(Registry);

        var (success, log, _, results) = project.Build("GenerateInitData");

        Assert.True(success, string.Join("\n", log.Errors.Select(e => e.Message)));
        Assert.Contains("initdata.toml", results["GenerateInitData"].Items.Select(i => Path.GetFileName(i.ItemSpec)));
    }

    [Fact]
    public void An_unsupported_MSBuild_host_gets_CID1032_and_no_attempt_to_load_the_task()
    {
        using var project = new TargetsProject();
        project.Write("certs/ca.pem", TestPki.Root().Pem);
        project.WriteProject(Registry);
        // MSBuildRuntimeType and MSBuildVersion are reserved: the verdict they give is what a test can set.
        using var collection = new ProjectCollection(new Dictionary<string, string> { ["_InitDataHostSupported"] = "false" });
        var instance = collection.LoadProject(project.ProjectPath).CreateProjectInstance();
        var log = new BuildRecorder();

        Assert.False(instance.Build(new[] { "Build" }, new[] { log }));

        var error = Assert.Single(log.Errors);
        Assert.Equal("CID1090", error.Code);
        Assert.Contains("MSBuild on .NET 8 or later", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("GenerateInitData", log.TasksStarted);
    }
}
