using System.Text.Json;
using Coco.InitData.Artifacts;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class GenerateTests(InstalledTool tool)
{
    [Fact]
    public void Generate_project_writes_the_same_bytes_as_dotnet_build()
    {
        using var project = new WorkloadProject();
        var root = TestPki.Root("Generate Root");
        project.Write("certs/ca.pem", root.Pem);
        project.Write("policy/allow.rego", "package agent_policy\n\ndefault AllowRequestsFailingPolicy := true\n");
        project.Write("k8s/app.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers: []\n");
        project.WriteProject(
            """
              <ItemGroup>
                <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" />
                <InitDataRegistry Include="10.0.0.5:5000" Insecure="true" />
                <InitDataManifest Include="k8s/*.yaml" />
              </ItemGroup>
            """,
            $"""
                <InitDataKbsUrl>https://kbs.example.internal:8080</InitDataKbsUrl>
                <InitDataPolicyFile>policy/allow.rego</InitDataPolicyFile>
                <InitDataValidationTime>{TestPki.ValidationTime:yyyy-MM-ddTHH:mm:ssZ}</InitDataValidationTime>
            """);
        var build = project.Build();
        Assert.True(build.ExitCode == 0, build.Output);

        var toolOutput = Path.Combine(project.Directory, "from-tool");
        var result = tool.Run(project.Directory, "generate", project.ProjectPath, "-o", toolOutput);

        Assert.True(result.ExitCode == 0, result.Output);
        var built = Directory.GetFiles(project.OutputPath, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(project.OutputPath, f)).Order().ToList();
        var generated = Directory.GetFiles(toolOutput, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(toolOutput, f)).Order().ToList();
        // The tool has no obj/: it keeps the set's list and lock as hidden files in its folder; the build keeps them in obj/.
        string[] toolBookkeeping = [SetBookkeeping.ListFileName, SetBookkeeping.LockFileName];
        Assert.All(toolBookkeeping, name => Assert.Contains(name, generated));
        Assert.All(toolBookkeeping, name => Assert.DoesNotContain(name, built));
        Assert.Equal(built, generated.Except(toolBookkeeping).ToList());
        Assert.Contains(Path.Combine("k8s", "app.yaml"), generated);
        foreach (var file in built)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(project.OutputPath, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(toolOutput, file))), file + " differs");
        }
    }

    [Fact]
    public void The_build_rewrites_the_annotated_manifest_when_the_manifest_changes()
    {
        using var project = new WorkloadProject();
        project.Write("k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: first\n");
        project.WriteProject("<ItemGroup><InitDataManifest Include=\"k8s/*.yaml\" /></ItemGroup>", "<InitDataKbcName>offline_fs_kbc</InitDataKbcName>");
        Assert.Equal(0, project.Build().ExitCode);
        var annotated = Path.Combine(project.OutputPath, "k8s", "pod.yaml");
        Assert.Contains("name: first", File.ReadAllText(annotated), StringComparison.Ordinal);

        project.Write("k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: second\n");
        var rebuild = project.Build();

        Assert.True(rebuild.ExitCode == 0, rebuild.Output);
        var text = File.ReadAllText(annotated);
        Assert.Contains("name: second", text, StringComparison.Ordinal);
        Assert.Contains("io.katacontainers.config.hypervisor.cc_init_data: H4sI", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_that_is_not_YAML_fails_the_build_with_its_line()
    {
        using var project = new WorkloadProject();
        project.Write("k8s/bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: [\n");
        project.WriteProject("<ItemGroup><InitDataManifest Include=\"k8s/*.yaml\" /></ItemGroup>", "<InitDataKbcName>offline_fs_kbc</InitDataKbcName>");

        var build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"bad\.yaml\(\d+,\d+\): error CID3050", build.Output);
        Assert.False(File.Exists(Path.Combine(project.OutputPath, "initdata.toml")));
    }

    [Fact]
    public void Generate_without_output_writes_where_the_build_would()
    {
        using var project = new WorkloadProject();
        project.WriteProject(string.Empty, "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>");

        var result = tool.Run(project.Directory, "generate");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(File.Exists(Path.Combine(project.OutputPath, "initdata.toml")), result.Output);
    }

    [Fact]
    public void Generate_from_options_needs_no_project()
    {
        using var dir = new TempDirectory();
        var root = TestPki.Root("Options Root");
        dir.Write("ca.pem", root.Pem);

        var result = tool.Run(dir.Path, "generate", "--registry", "registry.example.internal:5000=ca.pem", "--insecure-registry", "10.0.0.5:5000",
            "--kbs-url", "https://kbs.example.internal:8080", "--validation-time", "2026-06-01T00:00:00Z", "-o", "out", "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var json = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.True(json.GetProperty("success").GetBoolean());
        var toml = File.ReadAllText(Path.Combine(dir.Path, "out", "initdata.toml"));
        Assert.Contains("10.0.0.5:5000", toml, StringComparison.Ordinal);
        Assert.Contains(root.Pem.Split('\n')[1], toml, StringComparison.Ordinal);
        var digest = tool.Run(dir.Path, "digest", Path.Combine("out", "initdata.annotation"), "--json");
        Assert.Equal(json.GetProperty("digest").GetString(), JsonDocument.Parse(digest.StandardOutput).RootElement.GetProperty("digest").GetString());
    }

    [Fact]
    public void Generate_with_nothing_declared_removes_the_files_an_earlier_run_wrote_into_the_folder()
    {
        using var dir = new TempDirectory();
        var earlier = tool.Run(dir.Path, "generate", "--insecure-registry", "10.0.0.5:5000", "--kbs-url", "http://kbs.example.internal:8080", "-o", "out");
        Assert.True(earlier.ExitCode == 0, earlier.Output);
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "containerd", "certs.d", "10.0.0.5_5000_", "hosts.toml")), earlier.Output);
        dir.Write("out/notes.txt", "the user's");

        // The default key broker client declares nothing.
        var result = tool.Run(dir.Path, "generate", "--kbc-name", "cc_kbc", "-o", "out", "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var json = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.True(json.GetProperty("success").GetBoolean());
        Assert.Equal(0, json.GetProperty("files").GetArrayLength());
        Assert.Equal("CID1031", Assert.Single(json.GetProperty("findings").EnumerateArray()).GetProperty("code").GetString());
        // The set, its list and its lock go; the user's file stays, and with it the folder.
        Assert.Equal(
            new[] { "notes.txt" },
            Directory.EnumerateFileSystemEntries(Path.Combine(dir.Path, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_errors_name_the_option_and_exit_with_one()
    {
        using var dir = new TempDirectory();

        var result = tool.Run(dir.Path, "generate", "--registry", "https://bad/", "--kbs-url", "http://kbs:8080", "-o", "out");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CID1001: Registry name 'https://bad/'", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void Generate_of_a_folder_without_project_is_bad_usage()
    {
        using var dir = new TempDirectory();

        var result = tool.Run(dir.Path, "generate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error CID4010:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_of_a_project_with_an_expired_CA_fails_with_its_file_and_line()
    {
        using var project = new WorkloadProject();
        var expired = TestPki.Create(new CertificateSpec { Subject = "CN=Expired Root", NotBefore = TestPki.Epoch, NotAfter = TestPki.Epoch.AddDays(30) });
        var ca = project.Write("ca.pem", expired.Pem);
        project.WriteProject("""
              <ItemGroup>
                <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="ca.pem" />
              </ItemGroup>
            """, "<InitDataKbsUrl>http://kbs:8080</InitDataKbsUrl>");

        var result = tool.Run(project.Directory, "verify", project.ProjectPath, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(ca + "(1,1): error CID2020:", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("rejected", JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Verify_of_CA_files_reports_each_certificate()
    {
        using var dir = new TempDirectory();
        var root = TestPki.Root("Verify Root");
        var server = TestPki.Server(root, new[] { "registry.example.internal" });
        dir.Write("ca.pem", root.Pem);
        dir.Write("chain.pem", server.Pem);

        var result = tool.Run(dir.Path, "verify", "--ca", "ca.pem", "--server-chain", "chain.pem", "--host", "registry.example.internal:5000",
            "--validation-time", "2026-01-01T00:00:00Z");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Verify Root", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("served chain", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("verdict: accepted", result.StandardOutput, StringComparison.Ordinal);
    }
}
