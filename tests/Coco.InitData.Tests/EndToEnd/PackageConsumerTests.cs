using System.IO.Compression;
using System.Xml.Linq;

namespace Coco.InitData.Tests.EndToEnd;

/// <summary>The package as users get it: packed, restored from a feed into an isolated cache, built by `dotnet build`.</summary>
[Trait("Category", "EndToEnd")]
[Collection(nameof(PackageCollection))]
public sealed class PackageConsumerTests
{
    private const string Declarations = """
          <PropertyGroup>
            <InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>
            <InitDataPolicyFile>policy/allow.rego</InitDataPolicyFile>
            <InitDataRegistryCredentialsUri>kbs:///default/credentials/registry</InitDataRegistryCredentialsUri>
            <InitDataValidationTime>2026-06-01T00:00:00Z</InitDataValidationTime>
          </PropertyGroup>
          <ItemGroup>
            <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/registry-ca.pem" />
            <InitDataCertificate Include="certs/proxy-ca.pem" />
          </ItemGroup>
        """;

    private static readonly TestCertificate RegistryCa = TestPki.Root("Registry CA");
    private static readonly TestCertificate ProxyCa = TestPki.Root("Proxy CA", KeyKind.EcP384);
    private readonly PackageFeed _feed;

    public PackageConsumerTests(PackageFeed feed) => _feed = feed;

    [SkippableFact]
    public void The_package_bundles_the_task_with_its_dependencies_under_tasks_and_is_a_development_dependency()
    {
        using var zip = ZipFile.OpenRead(_feed.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        foreach (var file in new[] { "Coco.InitData.Tasks.dll", "Coco.InitData.Engine.dll", "Coco.InitData.ProjectFiles.dll", "Tomlyn.dll", "BouncyCastle.Cryptography.dll", "Coco.InitData.Tasks.deps.json" })
        {
            Assert.Contains("tasks/net8.0/" + file, entries);
        }

        Assert.Contains("build/Coco.InitData.props", entries);
        Assert.Contains("build/Coco.InitData.targets", entries);
        Assert.Contains("build/Coco.InitData.Containers.targets", entries); // imported by Coco.InitData.targets
        Assert.Contains("buildMultiTargeting/Coco.InitData.props", entries);
        Assert.Contains("buildMultiTargeting/Coco.InitData.targets", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.Ordinal));
        using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().First();
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
    }

    [SkippableFact]
    public void A_fresh_consumer_builds_artifacts_that_pythons_tomllib_hashlib_gzip_and_base64_agree_with()
    {
        using var project = NewConsumer();

        var build = Built(project);

        Assert.Matches(@"InitData: 1 registry, 2 certificates -> .*initdata\.toml sha256:[0-9a-f]{64}", build.Output);
        var oracle = PythonOracle.Run("check_initdata.py", project.OutputFolder());
        Assert.Equal(new[] { "aa.toml", "cdh.toml", "policy.rego" }, oracle.GetProperty("data").EnumerateArray().Select(e => e.GetString()));
        var image = oracle.GetProperty("cdh").GetProperty("image");
        Assert.Equal(new[] { RegistryCa.Pem, ProxyCa.Pem }, image.GetProperty("extra_root_certificates").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("kbs:///default/credentials/registry", image.GetProperty("authenticated_registry_credentials_uri").GetString());
        Assert.Equal("http://kbs.example.internal:8080", oracle.GetProperty("aa").GetProperty("token_configs").GetProperty("kbs").GetProperty("url").GetString());
    }

    [SkippableFact]
    public void The_same_project_checked_out_with_CRLF_in_another_folder_gives_the_same_bytes()
    {
        using var lf = NewConsumer();
        using var crlf = NewConsumer(newLine: "\r\n");

        Built(lf);
        Built(crlf);

        foreach (var file in new[] { "initdata.toml", "initdata.annotation", "initdata.json" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(lf.OutputFolder(), file)), File.ReadAllBytes(Path.Combine(crlf.OutputFolder(), file)));
        }
    }

    [SkippableFact]
    public void A_second_build_skips_generation_and_clean_removes_the_artifacts()
    {
        using var project = NewConsumer();
        Built(project);

        var second = project.Dotnet("build", "-v:d");
        var keptByNoOp = File.Exists(Path.Combine(project.OutputFolder(), "initdata.toml"));
        var clean = project.Dotnet("clean");

        Assert.Contains("Skipping target \"_InitDataGenerateCore\" because all output files are up-to-date", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("InitData: 1 registry", second.Output, StringComparison.Ordinal);
        // Nothing the generation writes is imported by evaluation, so nothing makes the second build compile again; and
        // nothing of ours is in FileWrites, so its IncrementalClean deletes none of the artifacts the first one wrote.
        Assert.Contains("Skipping target \"CoreCompile\" because all output files are up-to-date", second.Output, StringComparison.Ordinal);
        Assert.True(keptByNoOp, "a no-op build must keep the artifacts");
        Assert.Equal(0, clean.ExitCode);
        Assert.False(File.Exists(Path.Combine(project.OutputFolder(), "initdata.toml")), "clean must remove the artifacts");
    }

    [SkippableFact]
    public void Publish_copies_the_artifacts_to_the_publish_folder()
    {
        using var project = NewConsumer();

        var publish = project.Dotnet("publish", "-o", "out");

        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(project.OutputFolder("net10.0", "Release"), "initdata.toml")),
            File.ReadAllBytes(Path.Combine(project.Directory, "out", "initdata", "initdata.toml")));
    }

    [SkippableFact]
    public void A_NoTargets_deployment_project_gets_the_artifacts()
    {
        using var project = NewConsumer("Deploy", writeProject: p => p.WriteProject(Declarations, sdk: "Microsoft.Build.NoTargets/3.7.0"));

        Built(project);

        PythonOracle.Run("check_initdata.py", project.OutputFolder());
    }

    [SkippableFact]
    public void A_multi_targeted_project_gets_the_artifacts_once_per_target_framework_with_the_same_bytes()
    {
        using var project = NewConsumer("Multi", writeProject: p => p.WriteProject(Declarations, targetFrameworks: "<TargetFrameworks>net10.0;net9.0</TargetFrameworks>"));

        Built(project);

        Assert.Equal(
            File.ReadAllBytes(Path.Combine(project.OutputFolder("net10.0"), "initdata.toml")),
            File.ReadAllBytes(Path.Combine(project.OutputFolder("net9.0"), "initdata.toml")));
        Assert.False(Directory.Exists(Path.Combine(project.Directory, "bin", "Debug", "initdata")), "the outer build writes nothing");
    }

    [SkippableFact]
    public void An_error_fails_dotnet_build_with_exit_code_1_and_the_project_file_line()
    {
        using var project = NewConsumer("Broken", writeProject: p => p.WriteProject(Declarations.Replace("registry.example.internal:5000", "https://registry.example.internal", StringComparison.Ordinal)));

        var build = project.Dotnet("build");

        Assert.Equal(1, build.ExitCode);
        var line = Array.FindIndex(File.ReadAllLines(project.ProjectPath), l => l.Contains("<InitDataRegistry Include", StringComparison.Ordinal)) + 1;
        Assert.Matches($@"Broken\.csproj\({line},\d+\): error CID1001", build.Output);
        Assert.DoesNotContain("task failed unexpectedly", build.Output, StringComparison.OrdinalIgnoreCase);
    }

    private static ProcessResult Built(ConsumerProject project)
    {
        var build = project.Dotnet("build");
        Assert.True(build.ExitCode == 0, build.Output);
        return build;
    }

    // The inputs Declarations names, in the line endings of a checkout; the project declaring them, unless the test
    // writes a project of its own.
    private ConsumerProject NewConsumer(string name = "Consumer", string newLine = "\n", Action<ConsumerProject>? writeProject = null)
    {
        var project = new ConsumerProject(_feed, name);
        WriteInputs(project, newLine);
        if (writeProject is null)
        {
            project.WriteProject(Declarations, newLine: newLine);
        }
        else
        {
            writeProject(project);
        }

        return project;
    }

    private static void WriteInputs(ConsumerProject project, string newLine)
    {
        project.Write("certs/registry-ca.pem", RegistryCa.Pem.Replace("\n", newLine, StringComparison.Ordinal));
        project.Write("certs/proxy-ca.pem", ProxyCa.Pem.Replace("\n", newLine, StringComparison.Ordinal));
        project.Write("policy/allow.rego", string.Join(newLine, "package agent_policy", string.Empty, "default PullImageRequest := true", string.Empty));
    }
}
