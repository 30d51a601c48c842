using Coco.InitData.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Coco.InitData.Tests.Tasks;

public sealed class GenerateInitDataTaskTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>
            <InitDataAlgorithm>sha-256</InitDataAlgorithm>
          </PropertyGroup>
          <ItemGroup>
            <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/ca.pem" />
            <InitDataRegistry Include="https://bad.example" />
          </ItemGroup>
        </Project>
        """;

    [Fact]
    public void Errors_carry_their_code_and_the_defining_file_and_no_guessed_line_without_an_evaluation()
    {
        // A fake build engine has no MSBuild evaluation to ask: the finding names the file, never a guessed line
        // (the lines MSBuild knows are tested in Coco.InitData.Targets.Tests).
        using var dir = new TempDirectory();
        var projectFile = dir.Write("app.csproj", Project);
        dir.Write("certs/ca.pem", TestPki.Root().Pem);
        var engine = new FakeBuildEngine();
        var task = GenerateInitDataTasks.For(engine, dir.Path, projectFile, Item("registry.example.internal:5000", projectFile, ("CertificateAuthority", "certs/ca.pem")), Item("https://bad.example", projectFile));
        task.InitDataAlgorithm = "sha-256";

        Assert.False(task.Execute());

        var registry = Assert.Single(engine.Errors, e => e.Code == "CID1001");
        Assert.Equal(projectFile, registry.File);
        Assert.Equal(0, registry.LineNumber);
        var algorithm = Assert.Single(engine.Errors, e => e.Code == "CID1002");
        Assert.Equal(projectFile, algorithm.File);
        Assert.Equal(0, algorithm.LineNumber);
        Assert.Empty(task.GeneratedFiles);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void A_certificate_file_finding_points_at_the_file_and_its_begin_line()
    {
        using var dir = new TempDirectory();
        var projectFile = dir.Write("app.csproj", Project);
        var pem = dir.Write("certs/ca.pem", "garbage\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        var engine = new FakeBuildEngine();
        var task = GenerateInitDataTasks.For(engine, dir.Path, projectFile, Item("registry.example.internal:5000", projectFile, ("CertificateAuthority", "certs/ca.pem")));

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("CID2003", error.Code);
        Assert.Equal(pem, error.File);
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void A_valid_project_writes_the_artifacts_and_returns_the_digest_and_inputs()
    {
        using var dir = new TempDirectory();
        var projectFile = dir.Write("app.csproj", Project);
        var pem = dir.Write("certs/ca.pem", TestPki.Root().Pem);
        var engine = new FakeBuildEngine();
        var task = GenerateInitDataTasks.For(engine, dir.Path, projectFile, Item("registry.example.internal:5000", projectFile, ("CertificateAuthority", "certs/ca.pem")));
        task.InitDataValidationTime = "2026-06-01T00:00:00Z";

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.Matches("^sha256:[0-9a-f]{64}$", task.Digest);
        Assert.Equal(new[] { "initdata.toml", "initdata.annotation", "initdata.json" }, task.GeneratedFiles.Take(3).Select(f => Path.GetFileName(f.ItemSpec)));
        Assert.Equal(new[] { "kustomization.yaml", "values.yaml", "hosts.toml", "ca.crt" }, task.GeneratedFiles.Skip(3).Select(f => Path.GetFileName(f.ItemSpec)));
        Assert.Equal(pem, Assert.Single(task.InputFiles).ItemSpec);
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.High && m.Message!.StartsWith("InitData: 1 registry, 1 certificate -> ", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(Path.Combine(dir.Path, "out"), "*.tmp"));
    }

    [Fact]
    public void Metadata_paths_resolve_against_the_project_being_built_not_the_file_that_declares_the_item()
    {
        using var dir = new TempDirectory();
        var projectFile = dir.Write("app/app.csproj", Project);
        var imported = dir.Write("shared/registries.props", Project);
        dir.Write("app/certs/ca.pem", TestPki.Root("Project CA").Pem);
        dir.Write("shared/certs/ca.pem", TestPki.Root("Props CA").Pem);
        var engine = new FakeBuildEngine();
        var task = GenerateInitDataTasks.For(engine, Path.Combine(dir.Path, "app"), projectFile, Item("registry.example.internal:5000", imported, ("CertificateAuthority", "certs/ca.pem")));
        task.InitDataValidationTime = "2026-06-01T00:00:00Z";

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.Equal(Path.Combine(dir.Path, "app", "certs", "ca.pem"), Assert.Single(task.InputFiles).ItemSpec);
    }

    [Fact]
    public void Declaring_nothing_after_a_generation_removes_its_files_and_returns_no_file_and_no_digest()
    {
        using var dir = new TempDirectory();
        var projectFile = dir.Write("app.csproj", Project);
        dir.Write("certs/ca.pem", TestPki.Root().Pem);
        var generation = GenerateInitDataTasks.For(new FakeBuildEngine(), dir.Path, projectFile, Item("registry.example.internal:5000", projectFile, ("CertificateAuthority", "certs/ca.pem")));
        generation.InitDataValidationTime = "2026-06-01T00:00:00Z";
        Assert.True(generation.Execute());
        var engine = new FakeBuildEngine();
        var task = GenerateInitDataTasks.For(engine, dir.Path, dir.Write("empty.csproj", "<Project />\n"));
        task.InitDataKbsUrl = null;

        Assert.True(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.Equal("CID1031", Assert.Single(engine.Warnings).Code);
        Assert.True(task.Generated);
        Assert.Empty(task.GeneratedFiles);
        Assert.Equal(string.Empty, task.Digest);
        Assert.NotEmpty(generation.GeneratedFiles);
        Assert.All(generation.GeneratedFiles, f => Assert.False(File.Exists(f.ItemSpec), f.ItemSpec));
    }

    private static EvaluatedItem Item(string spec, string definingProject, params (string Name, string Value)[] metadata) =>
        new(spec, definingProject, metadata);
}
