using System.Text.Json;
using System.Text.RegularExpressions;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// `dotnet build` and `coco-initdata verify PROJECT` locate a finding at the same file, line and column: both ask
/// MSBuild's evaluation, including for declarations in a Directory.Build.props and definitions under conditions.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed partial class LocationParityTests(InstalledTool tool)
{
    [Fact]
    public void The_build_and_verify_report_the_same_location_for_every_finding()
    {
        using var project = new WorkloadProject();
        project.Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>
                <InitDataAlgorithm Condition="'$(Configuration)' == 'Release'">sha512</InitDataAlgorithm>
                <InitDataAlgorithm Condition="'$(Configuration)' != 'Release'">sha-256</InitDataAlgorithm>
              </PropertyGroup>
              <ItemGroup>
                <InitDataRegistry Include="https://registry.example.internal" />
                <InitDataCertificate Include="missing/*.pem" />
              </ItemGroup>
            </Project>
            """);
        project.WriteProject("""
              <ItemGroup>
                <InitDataRegistry Include="registry.example.internal:5000" Insecure="maybe" />
              </ItemGroup>
            """);

        var build = project.Build();
        var verify = tool.Run(project.Directory, "verify", project.ProjectPath);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(1, verify.ExitCode);
        var fromBuild = Findings(build.Output);
        var fromTool = Findings(verify.Output);
        Assert.Equal(fromBuild, fromTool);
        var props = Path.Combine(project.Directory, "Directory.Build.props");
        Assert.Contains((props, 5, "CID1002"), fromBuild.Select(f => (f.File, f.Line, f.Code)));
        Assert.Contains((props, 8, "CID1001"), fromBuild.Select(f => (f.File, f.Line, f.Code)));
        Assert.Contains((props, 9, "CID1030"), fromBuild.Select(f => (f.File, f.Line, f.Code)));
        Assert.Contains((project.ProjectPath, FindLine(project.ProjectPath, "maybe"), "CID1014"), fromBuild.Select(f => (f.File, f.Line, f.Code)));
    }

    [Fact]
    public void Verify_on_a_project_that_declares_nothing_warns_as_the_build_does()
    {
        using var project = new WorkloadProject();
        project.WriteProject(string.Empty);

        var build = project.Build();
        var verify = tool.Run(project.Directory, "verify", project.ProjectPath);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(verify.ExitCode == 0, verify.Output);
        // Said at the project file without a line: MSBuild writes "file : warning", the tool "file: warning".
        Assert.Equal(AtFiles(build.Output), AtFiles(verify.Output));
        Assert.Contains((project.ProjectPath, 0, "CID1031"), AtFiles(verify.Output));
    }

    [Fact]
    public void Generate_json_carries_the_findings_of_the_build_including_items_MSBuild_dropped()
    {
        using var project = new WorkloadProject();
        project.WriteProject("""
              <PropertyGroup>
                <InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>
              </PropertyGroup>
              <ItemGroup>
                <InitDataRegistry Include="registry.example.internal:5000" Insecure="true" />
                <InitDataCertificate Include="missing/*.pem" />
              </ItemGroup>
            """);

        var build = project.Build();
        var generate = tool.Run(project.Directory, "generate", project.ProjectPath, "--json");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.True(generate.ExitCode == 0, generate.Output);
        var fromJson = JsonDocument.Parse(generate.StandardOutput).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (File: f.GetProperty("file").GetString()!, Line: f.GetProperty("line").GetInt32(), Code: f.GetProperty("code").GetString()!))
            .Where(f => f.File.Length > 0);
        Assert.Equal(AtFiles(build.Output), new SortedSet<(string, int, string)>(fromJson));
        Assert.Contains((project.ProjectPath, FindLine(project.ProjectPath, "missing/*.pem"), "CID1030"), AtFiles(build.Output));
    }

    [Fact]
    public void Generate_on_a_project_without_the_package_says_so_and_what_to_add()
    {
        using var project = new WorkloadProject();
        project.Write(project.Name + ".csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);

        var result = tool.Run(project.Directory, "generate", project.ProjectPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning CID4060", result.Output, StringComparison.Ordinal);
        Assert.Contains("dotnet add package Coco.InitData", result.Output, StringComparison.Ordinal);
        Assert.Contains("warning CID1031", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project.Directory, "bin")));
    }

    private static SortedSet<(string File, int Line, int Column, string Severity, string Code)> Findings(string output) =>
        new(CanonicalLine().Matches(output).Select(m => (m.Groups["file"].Value.Trim(), int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["severity"].Value, m.Groups["code"].Value)));

    // Every finding that names a file, with its line (0 when it names none).
    private static SortedSet<(string File, int Line, string Code)> AtFiles(string output) =>
        new(LocatedLine().Matches(output).Select(m => (m.Groups["file"].Value.Trim(),
            m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0, m.Groups["code"].Value)));

    private static int FindLine(string file, string text) => Array.FindIndex(File.ReadAllLines(file), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [GeneratedRegex(@"^\s*(?<file>/[^(\n]+)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<code>CID\d+)", RegexOptions.Multiline)]
    private static partial Regex CanonicalLine();

    [GeneratedRegex(@"^\s*(?<file>/[^(\n]+?)(?:\((?<line>\d+),\d+\))? ?: (?:error|warning) (?<code>CID\d+)", RegexOptions.Multiline)]
    private static partial Regex LocatedLine();
}
