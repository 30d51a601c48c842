using Coco.InitData.Settings;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>The tool's options are the engine's setting catalog, named in messages as the user typed them.</summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class SettingCatalogToolTests(InstalledTool tool)
{
    [Fact]
    public void Generate_help_lists_every_setting_of_the_catalog_with_its_default()
    {
        var help = tool.Run(Directory.GetCurrentDirectory(), "generate", "--help");

        Assert.Equal(0, help.ExitCode);
        var text = help.Output.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (var setting in SettingCatalog.All)
        {
            Assert.Contains(setting.Option, text, StringComparison.Ordinal);
            if (setting.Default is not null)
            {
                Assert.Contains($"(default {setting.Default})", text.Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_bad_option_value_is_named_as_the_option_not_as_the_msbuild_property()
    {
        using var dir = new TempDirectory();
        dir.Write("ca.pem", TestPki.Root().Pem);

        var result = tool.Run(dir.Path, "generate", "--registry", "registry.example.internal:5000=ca.pem", "--kbs-url", "https://kbs.example.internal:8080",
            "--algorithm", "sha-256", "--kbc-name", "cloud", "--annotation-name", "Not A Key", "-o", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CID1002: --algorithm 'sha-256' is not supported", result.Output, StringComparison.Ordinal);
        Assert.Contains("CID1004: --kbc-name 'cloud' is not supported", result.Output, StringComparison.Ordinal);
        Assert.Contains("CID1013: --annotation-name 'Not A Key'", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("InitDataAlgorithm", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("InitDataKbcName", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_kbs_names_the_options_that_fix_it()
    {
        using var dir = new TempDirectory();

        var result = tool.Run(dir.Path, "generate", "--insecure-registry", "10.0.0.5:5000", "-o", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CID1003", result.Output, StringComparison.Ordinal);
        Assert.Contains("Set --kbs-url to your Trustee KBS URL, or set --kbc-name to offline_fs_kbc", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tool_asks_the_targets_whether_and_where_the_build_generates()
    {
        // InitDataEnabled=no: MSBuild's condition '$(InitDataEnabled)' == 'true' is false, so the build writes nothing;
        // the tool used to read anything but "false" as enabled.
        using var project = new WorkloadProject();
        project.WriteProject("<ItemGroup><InitDataRegistry Include=\"10.0.0.5:5000\" Insecure=\"true\" /></ItemGroup>", "<InitDataKbcName>offline_fs_kbc</InitDataKbcName>");

        var disabled = tool.Run(project.Directory, "generate", project.ProjectPath, "-p:InitDataEnabled=no");
        var elsewhere = tool.Run(project.Directory, "generate", project.ProjectPath, "-p:InitDataOutputPath=custom/place");

        Assert.True(disabled.ExitCode == 0, disabled.Output);
        Assert.Contains("nothing written", disabled.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.OutputPath));
        Assert.True(elsewhere.ExitCode == 0, elsewhere.Output);
        Assert.True(File.Exists(Path.Combine(project.Directory, "custom", "place", "initdata.toml")), elsewhere.Output);
        Assert.Contains("-> custom/place/initdata.toml sha256:", elsewhere.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_targets_cannot_compute_the_output_path_generate_says_why_and_writes_nowhere()
    {
        // A user's target that runs before the package's path target fails, as it would fail the build: the tool used to
        // fall back to bin/initdata silently.
        using var project = new WorkloadProject();
        project.WriteProject("""
            <ItemGroup><InitDataRegistry Include="10.0.0.5:5000" Insecure="true" /></ItemGroup>
            <Target Name="CheckDeploymentFolder" BeforeTargets="_InitDataComputePaths">
              <Error Code="DEPLOY1" Text="The deployment folder is not mounted." />
            </Target>
            """, "<InitDataKbcName>offline_fs_kbc</InitDataKbcName>");

        var result = tool.Run(project.Directory, "generate", project.ProjectPath);
        var withOutput = tool.Run(project.Directory, "generate", project.ProjectPath, "-o", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CID4061", result.Output, StringComparison.Ordinal);
        Assert.Contains("DEPLOY1: The deployment folder is not mounted", result.Output, StringComparison.Ordinal);
        Assert.Contains(project.ProjectPath, result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.OutputPath));
        Assert.True(withOutput.ExitCode == 0, withOutput.Output);
        Assert.True(File.Exists(Path.Combine(project.Directory, "out", "initdata.toml")), withOutput.Output);
    }
}
