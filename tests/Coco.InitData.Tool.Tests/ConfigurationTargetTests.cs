using System.Text.Json;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// The package's public GetInitDataConfiguration target answers whether and where a project's build writes initdata,
/// and the tool asks it rather than repeat the package's defaults.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class ConfigurationTargetTests(InstalledTool tool)
{
    [Fact]
    public void The_configuration_target_returns_the_output_folder_and_whether_the_build_generates()
    {
        using var project = new WorkloadProject();
        project.WriteProject("<ItemGroup><InitDataRegistry Include=\"registry.example.internal:5000\" Insecure=\"true\" /></ItemGroup>");

        var enabled = Configuration(project);
        var disabled = Configuration(project, "-p:InitDataEnabled=false");

        Assert.Equal(project.OutputPath + Path.DirectorySeparatorChar, enabled.GetProperty("Identity").GetString());
        Assert.Equal("true", enabled.GetProperty("Enabled").GetString());
        Assert.Equal("false", disabled.GetProperty("Enabled").GetString());
    }

    [Fact]
    public void Generate_writes_where_the_configuration_target_says_also_when_a_target_moves_it()
    {
        using var project = new WorkloadProject();
        // A path only a target knows: the tool must ask the targets, not read the evaluation.
        project.WriteProject("""
              <PropertyGroup><InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl></PropertyGroup>
              <ItemGroup><InitDataRegistry Include="registry.example.internal:5000" Insecure="true" /></ItemGroup>
              <Target Name="MoveInitData" BeforeTargets="GetInitDataConfiguration">
                <PropertyGroup><InitDataOutputPath>$(MSBuildProjectDirectory)/deploy/initdata/</InitDataOutputPath></PropertyGroup>
              </Target>
            """);

        var asked = Configuration(project).GetProperty("Identity").GetString()!;
        var generate = tool.Run(project.Directory, "generate", project.ProjectPath, "--json");

        Assert.True(generate.ExitCode == 0, generate.Output);
        Assert.Equal(Path.Combine(project.Directory, "deploy", "initdata"), Path.TrimEndingDirectorySeparator(asked));
        Assert.Equal(Path.TrimEndingDirectorySeparator(asked), JsonDocument.Parse(generate.StandardOutput).RootElement.GetProperty("outputPath").GetString());
        Assert.True(File.Exists(Path.Combine(asked, "initdata.toml")));
    }

    // MSBuild's own answer: dotnet msbuild -getTargetResult prints the target's returned items as JSON.
    private static JsonElement Configuration(WorkloadProject project, params string[] extra)
    {
        var result = project.Run(new[] { "msbuild", project.ProjectPath, "-nologo", "-getTargetResult:GetInitDataConfiguration" }.Concat(extra).ToArray());
        Assert.True(result.ExitCode == 0, result.Output);
        var target = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("TargetResults").GetProperty("GetInitDataConfiguration");
        return Assert.Single(target.GetProperty("Items").EnumerateArray());
    }
}
