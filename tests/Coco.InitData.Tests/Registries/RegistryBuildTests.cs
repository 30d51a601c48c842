using Coco.InitData.Tests.EndToEnd;

namespace Coco.InitData.Tests.Registries;

/// <summary>Registry settings through a real `dotnet build` of a workload: warnings, NoWarn, node files and clean.</summary>
[Trait("Category", "EndToEnd")]
[Collection(nameof(BuildCollection))]
public sealed class RegistryBuildTests
{
    private const string Items = """
          <ItemGroup>
            <InitDataRegistry Include="10.0.0.5:5000" Insecure="true" />
          </ItemGroup>
        """;

    [Fact]
    public void The_plain_http_warning_names_the_item_line_NoWarn_silences_it_and_clean_removes_the_node_files()
    {
        using var project = new WorkloadProject();
        project.WriteProject(Items, "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>");
        var line = File.ReadAllLines(project.ProjectPath).ToList().FindIndex(l => l.Contains("10.0.0.5:5000", StringComparison.Ordinal)) + 1;

        var warned = project.Build();

        Assert.True(warned.ExitCode == 0, warned.Output);
        Assert.Matches($@"Workload\.csproj\({line},\d+\): warning CID1025", warned.Output);
        var hosts = Path.Combine(project.OutputPath, "containerd", "certs.d", "10.0.0.5_5000_", "hosts.toml");
        Assert.Contains("server = \"http://10.0.0.5:5000\"", File.ReadAllText(hosts), StringComparison.Ordinal);

        project.WriteProject(Items, "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl><NoWarn>$(NoWarn);CID1025</NoWarn>");
        var silenced = project.Build();

        Assert.True(silenced.ExitCode == 0, silenced.Output);
        Assert.DoesNotContain("CID1025", silenced.Output, StringComparison.Ordinal);

        var clean = project.Run("clean", project.ProjectPath, "-nologo");

        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.False(File.Exists(Path.Combine(project.OutputPath, "initdata.toml")), "dotnet clean removes the document");
        Assert.False(File.Exists(hosts), "dotnet clean removes the node-side files");
    }

    [Fact]
    public void A_bare_wildcard_include_that_msbuild_would_drop_fails_the_build_and_the_escaped_one_blocks()
    {
        using var project = new WorkloadProject();
        const string Properties = "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>";
        project.WriteProject("""
              <ItemGroup>
                <InitDataRegistry Include="*.untrusted.example" Blocked="true" />
              </ItemGroup>
            """, Properties);
        var line = File.ReadAllLines(project.ProjectPath).ToList().FindIndex(l => l.Contains("untrusted", StringComparison.Ordinal)) + 1;

        var dropped = project.Build();

        Assert.Equal(1, dropped.ExitCode);
        Assert.Matches($@"Workload\.csproj\({line},\d+\): error CID1028", dropped.Output);
        Assert.Contains("Include=\"%2A.untrusted.example\"", dropped.Output, StringComparison.Ordinal);

        project.WriteProject("""
              <ItemGroup>
                <InitDataRegistry Include="%2A.untrusted.example" Blocked="true" />
              </ItemGroup>
            """, Properties);
        var escaped = project.Build();

        Assert.True(escaped.ExitCode == 0, escaped.Output);
        var document = File.ReadAllText(Path.Combine(project.OutputPath, "initdata.toml"));
        Assert.Contains("prefix = \"*.untrusted.example\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_secret_fails_the_build_at_the_property_line_without_printing_it()
    {
        using var project = new WorkloadProject();
        project.WriteProject(Items, """
            <InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>
            <InitDataImageSecurityPolicyUri>kbs:///default/security-policy/test</InitDataImageSecurityPolicyUri>
            <InitDataNoProxy>localhost,ghp_abcdefghijklmnopqrstuvwxyz0123456789</InitDataNoProxy>
            """);
        var line = File.ReadAllLines(project.ProjectPath).ToList().FindIndex(l => l.Contains("<InitDataNoProxy>", StringComparison.Ordinal)) + 1;

        var result = project.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Matches($@"Workload\.csproj\({line},\d+\): error CID1061", result.Output);
        Assert.DoesNotContain("abcdefghijklmnopqrstuvwxyz0123456789", result.Output.Replace(File.ReadAllText(project.ProjectPath), string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Directory.Exists(project.OutputPath), "nothing may be written");
    }
}
